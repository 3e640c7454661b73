import type { AreaProfileSource } from '../profiles/AreaProfileSource';

/** What every sector profile holds (`areaProfile` makes it); a sector's profile class extends it. */
export abstract class AreaProfile implements AreaProfileSource {
  areaId: string;
  population: number | null;
  neighbourhoodIds: readonly string[];
  wardId: string | null;
  rowOwners: readonly string[] | null;
}
