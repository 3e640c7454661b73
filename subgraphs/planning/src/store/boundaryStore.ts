import type { EntityManager } from 'typeorm';
import type { AreaGeometry } from '../geometry/Geometry';

/** What identifies the stored boundaries' state: it changes whenever a boundary is written. */
export async function boundariesVersion(manager: EntityManager): Promise<string> {
  const [row]: { count: number; changed: string | null }[] = await manager.query(
    'SELECT count(*)::int AS count, max(changed_at)::text AS changed FROM area_boundary',
  );
  return `${row.count}@${row.changed ?? ''}`;
}

/** Every stored boundary, by area id. */
export async function allBoundaries(manager: EntityManager): Promise<Map<string, AreaGeometry>> {
  const rows: { area_id: string; geometry: AreaGeometry }[] = await manager.query('SELECT area_id, geometry FROM area_boundary ORDER BY area_id');
  return new Map(rows.map((row) => [row.area_id, row.geometry]));
}

export interface BoundaryWriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Inserts or replaces the boundaries; one that is already stored as given is left alone. */
export async function writeBoundaries(manager: EntityManager, boundaries: ReadonlyMap<string, AreaGeometry>): Promise<BoundaryWriteCounts> {
  const ids = [...boundaries.keys()];
  const rows: { inserted: boolean }[] = await manager.query(
    `INSERT INTO area_boundary (area_id, geometry)
     SELECT * FROM unnest($1::text[], $2::jsonb[])
     ON CONFLICT (area_id) DO UPDATE SET geometry = EXCLUDED.geometry, changed_at = now()
       WHERE area_boundary.geometry IS DISTINCT FROM EXCLUDED.geometry
     RETURNING (xmax = 0) AS inserted`,
    [ids, ids.map((id) => JSON.stringify(boundaries.get(id)))],
  );
  const inserted = rows.filter((row) => row.inserted).length;
  return { inserted, updated: rows.length - inserted, unchanged: ids.length - rows.length };
}
