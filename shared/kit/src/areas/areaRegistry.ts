import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { BadUserInputError, NotFoundError } from '@cswb/contract/errors';
import { createOneLoader } from '../loaders/createLoaders';
import type { LoaderRegistry } from '../loaders/LoaderRegistry';

export type AreaKindName = 'MUNICIPALITY' | 'WARD' | 'NEIGHBOURHOOD';

/**
 * An area as this subgraph's own copy of the area registry knows it. Everything disclosure
 * control relies on about an area (its population, its neighbourhoods, its ward) comes from
 * here, never from an entity representation a caller sent (docs/privacy.md).
 */
export class RegisteredArea {
  id: string;
  name: string;
  kind: AreaKindName;
  parentId: string | null;
  /** Residents at the latest census. */
  population: number;
  /** The neighbourhoods it covers (itself, for a neighbourhood), each once, in id order. */
  neighbourhoodIds: readonly string[];
  /** The ward it lies in: itself for a ward, its parent for a neighbourhood, null for the municipality. */
  wardId: string | null;
}

interface RegistryRow {
  id: string;
  name: string;
  kind: AreaKindName;
  parent_id: string | null;
  population: number;
  ward_id: string | null;
  neighbourhood_ids: string[];
}

/** Deep enough for any municipality's geography; a cycle in bad data stops here instead of looping. */
const MAX_DEPTH = 8;

/** The areas asked for and the neighbourhoods under each, in one statement. */
export const AREA_REGISTRY_SQL = `
  WITH RECURSIVE tree(root_id, id, kind, depth) AS (
    SELECT id, id, kind, 0 FROM area WHERE id = ANY($1)
    UNION ALL
    SELECT tree.root_id, child.id, child.kind, tree.depth + 1
      FROM area child JOIN tree ON child.parent_id = tree.id
     WHERE tree.depth < ${MAX_DEPTH}
  )
  SELECT a.id, a.name, a.kind, a.parent_id, a.population,
         CASE WHEN a.kind = 'WARD' THEN a.id WHEN p.kind = 'WARD' THEN p.id END AS ward_id,
         COALESCE(array_agg(DISTINCT t.id ORDER BY t.id) FILTER (WHERE t.kind = 'NEIGHBOURHOOD'), '{}') AS neighbourhood_ids
    FROM area a
    JOIN tree t ON t.root_id = a.id
    LEFT JOIN area p ON p.id = a.parent_id
   GROUP BY a.id, p.id`;

function toArea(row: RegistryRow): RegisteredArea {
  return Object.assign(new RegisteredArea(), {
    id: row.id,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    population: Number(row.population),
    neighbourhoodIds: Object.freeze([...row.neighbourhood_ids]),
    wardId: row.ward_id,
  });
}

/** A loader of registry areas by id: one statement per batch, null for an id the registry does not hold. */
export function createAreaRegistryLoader(db: DataSource): DataLoader<string, RegisteredArea | null, string> {
  return createOneLoader<string, RegisteredArea>({
    fetch: async (ids) => ((await db.query(AREA_REGISTRY_SQL, [ids])) as RegistryRow[]).map(toArea),
    keyOfRow: (area) => area.id,
  });
}

/** What reading the registry needs of a subgraph's request context. */
export interface RegistryContext {
  db: DataSource;
  scope: LoaderRegistry;
}

/**
 * The request's registry loader (one per request): every area a request names, however many
 * times and through whichever entity, is read once and is the same object.
 */
export function areaRegistry(ctx: RegistryContext): DataLoader<string, RegisteredArea | null, string> {
  return ctx.scope.get('areaRegistry', null, () => createAreaRegistryLoader(ctx.db));
}

/** Longer than any area id; such a key is refused before it reaches the database. */
const MAX_ID_LENGTH = 200;

/**
 * An area by id from the subgraph's own registry, or a typed error: BAD_USER_INPUT when the id
 * is not a string, NOT_FOUND when the registry does not hold it. Used wherever a request names
 * an area (an `Area` representation, a reading's `areaId`).
 */
export async function registeredArea(id: unknown, ctx: RegistryContext, argument = 'id'): Promise<RegisteredArea> {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
    throw new BadUserInputError(`${argument} must be an area id (a string of 1 to ${MAX_ID_LENGTH} characters)`, argument);
  }
  const area = await areaRegistry(ctx).load(id);
  if (!area) throw new NotFoundError('Area', id);
  return area;
}

/**
 * The `__resolveReference` of a sector's `Area`: the key is all it takes from the
 * representation; any other field a caller sends (population, neighbourhoodIds…) is ignored.
 * An unknown id resolves to null with NOT_FOUND at that entity's path. Duplicate
 * representations share one loader key, so they are one area, read and counted once.
 */
export function resolveRegisteredArea(reference: { id?: unknown }, ctx: RegistryContext): Promise<RegisteredArea> {
  return registeredArea(reference?.id, ctx);
}
