import { LoaderRegistry } from '@cswb/subgraph-kit/loaders';
import { createMeasureLoader, MeasureQuery } from '@cswb/subgraph-kit/profiles';
import type { DataSource } from 'typeorm';
import { createEdVisitsByAgeGroupLoader, EdVisitsByAgeGroupQuery } from './createEdVisitsByAgeGroupLoader';

export const HEALTH_ROLLUPS = ['health_measure_monthly'] as const;

export function createLoaders(db: DataSource) {
  const registry = new LoaderRegistry();
  return {
    /** Measure values per area for one period range: one SQL statement for all areas. */
    measures: (query: MeasureQuery) => registry.get('measures', query, () => createMeasureLoader(db, HEALTH_ROLLUPS[0], query)),
    /** ED visits by age group per area for one range and reason: one SQL statement for all areas. */
    edVisitsByAgeGroup: (query: EdVisitsByAgeGroupQuery) =>
      registry.get('edVisitsByAgeGroup', query, () => createEdVisitsByAgeGroupLoader(db, query)),
  };
}

export type HealthLoaders = ReturnType<typeof createLoaders>;
