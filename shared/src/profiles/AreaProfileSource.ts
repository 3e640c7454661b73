/**
 * What a sector knows of an area when it resolves its profile: the key and the fields it
 * `@requires` from the planning subgraph.
 */
export interface AreaProfileSource {
  areaId: string;
  population: number | null;
  neighbourhoodIds: string[];
}

/** The `@requires` selection every sector profile field declares. */
export const PROFILE_REQUIRES = '@requires(fields: "population neighbourhoodIds")';

export function profileSource(area: { id: string; population?: number | null; neighbourhoodIds?: string[] | null }): AreaProfileSource {
  return { areaId: area.id, population: area.population ?? null, neighbourhoodIds: area.neighbourhoodIds ?? [] };
}
