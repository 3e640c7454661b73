import type { EntityManager } from 'typeorm';
import { Area } from '../entities/Area';
import { AreaKind } from '../entities/AreaKind';

/** Areas of the registry, of one kind when given, ordered by id. */
export function listAreas(manager: EntityManager, kind?: AreaKind | null): Promise<Area[]> {
  const query = manager.getRepository(Area).createQueryBuilder('a').orderBy('a.id');
  if (kind) query.where('a.kind = :kind', { kind });
  return query.getMany();
}

/** Those of the ids that name an area of the registry; one statement for the whole list. */
export async function existingAreaIds(manager: EntityManager, ids: readonly string[]): Promise<Set<string>> {
  const rows: { id: string }[] = await manager.query('SELECT id FROM area WHERE id = ANY($1)', [ids]);
  return new Set(rows.map((row) => row.id));
}

/** The kind of an area, undefined when there is no such area. */
export async function areaKind(manager: EntityManager, id: string): Promise<AreaKind | undefined> {
  const [area]: { kind: AreaKind }[] = await manager.query('SELECT kind FROM area WHERE id = $1', [id]);
  return area?.kind;
}

export function areasByIds(manager: EntityManager, ids: readonly string[]): Promise<Area[]> {
  return manager.getRepository(Area).createQueryBuilder('a').where('a.id = ANY(:ids)', { ids }).getMany();
}

/** The children of the areas, by id. */
export function childAreasOf(manager: EntityManager, parentIds: readonly string[]): Promise<Area[]> {
  return manager.getRepository(Area).createQueryBuilder('a').where('a.parent_id = ANY(:ids)', { ids: parentIds }).orderBy('a.id').getMany();
}

export interface NeighbourhoodRow {
  root_id: string;
  neighbourhood_id: string;
}

/** The neighbourhoods within each of the areas (a neighbourhood is within itself), by id. */
export function neighbourhoodsUnder(manager: EntityManager, ids: readonly string[]): Promise<NeighbourhoodRow[]> {
  return manager.query(
    `WITH RECURSIVE tree(root_id, id, kind) AS (
       SELECT id, id, kind FROM area WHERE id = ANY($1)
       UNION ALL
       SELECT tree.root_id, child.id, child.kind FROM area child JOIN tree ON child.parent_id = tree.id
     )
     SELECT root_id, id AS neighbourhood_id FROM tree WHERE kind = 'NEIGHBOURHOOD' ORDER BY id`,
    [ids],
  );
}
