import { createMeasureLoader, LoaderRegistry, MeasureQuery } from '@cswb/shared';
import type { DataSource } from 'typeorm';

export const POLICE_ROLLUPS = ['police_measure_monthly'] as const;

export function createLoaders(db: DataSource) {
  const registry = new LoaderRegistry();
  return {
    /** Measure values per area for one period range: one SQL statement for all areas. */
    measures: (query: MeasureQuery) => registry.get('measures', query, () => createMeasureLoader(db, POLICE_ROLLUPS[0], query)),
  };
}

export type PoliceLoaders = ReturnType<typeof createLoaders>;
