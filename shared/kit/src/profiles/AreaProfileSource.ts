import type { DataSource } from 'typeorm';
import type { Caller } from '@cswb/contract/auth';
import { RegisteredArea } from '../areas/areaRegistry';
import { type RowOwnership, rowOwnersFor } from '../privacy/rowOwnership';

/**
 * What a sector knows of an area when it resolves its profile: all of it from the sector's own
 * copy of the area registry (never from the representation the gateway, or anyone, sent), and
 * which agencies hold the sector's rows there.
 */
export interface AreaProfileSource {
  areaId: string;
  population: number | null;
  /** The neighbourhoods the area covers, each once. */
  neighbourhoodIds: readonly string[];
  /** The ward it lies in (itself for a ward); null for the municipality. */
  wardId: string | null;
  /**
   * The agencies holding the sector's rows in the area, for a caller with record-level access
   * to a sector whose rows several agencies hold (`RowOwnership`); null otherwise.
   */
  rowOwners: readonly string[] | null;
}

/** What building a profile needs from the request: its database, caller and the sector's loaders. */
export interface ProfileContext {
  db: DataSource;
  caller: Caller;
  /** The sector's loaders; `rowOwnership` when several agencies hold its rows. */
  loaders: { rowOwnership?: RowOwnership; [loader: string]: unknown };
}

/**
 * The profile of a registry area for this request's caller. Takes only a `RegisteredArea` (what
 * `resolveRegisteredArea` returns): a plain object, e.g. a representation passed through, is refused.
 */
export async function areaProfile(area: RegisteredArea, ctx: ProfileContext): Promise<AreaProfileSource> {
  if (!(area instanceof RegisteredArea)) throw new Error('areaProfile takes an area from the registry (resolveRegisteredArea), not a representation');
  return {
    areaId: area.id,
    population: area.population,
    neighbourhoodIds: area.neighbourhoodIds,
    wardId: area.wardId,
    rowOwners: await rowOwnersFor(ctx.caller, ctx.loaders.rowOwnership, area.neighbourhoodIds),
  };
}
