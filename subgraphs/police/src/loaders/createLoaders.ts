import { LoaderRegistry } from '@cswb/subgraph-kit/loaders';
import { createRowOwnership } from '@cswb/subgraph-kit/privacy';
import { createMeasureLoader, MeasureQuery } from '@cswb/subgraph-kit/profiles';
import type { DataSource } from 'typeorm';

/** The measure rollup (indicators read it), then which services hold records where; refreshed together. */
export const POLICE_ROLLUPS = ['police_measure_monthly', 'police_area_agency'] as const;

export function createLoaders(db: DataSource) {
  const registry = new LoaderRegistry();
  return {
    /** Measure values per area for one period range: one SQL statement for all areas. */
    measures: (query: MeasureQuery) => registry.get('measures', query, () => createMeasureLoader(db, POLICE_ROLLUPS[0], query)),
    /** Several services hold police records: an analyst sees exact counts only where every record is their service's. */
    rowOwnership: createRowOwnership(db, 'police', POLICE_ROLLUPS[1]),
  };
}

export type PoliceLoaders = ReturnType<typeof createLoaders>;
