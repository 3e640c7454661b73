import type { LoaderRegistry } from '@cswb/subgraph-kit/loaders';
import type { DataSource } from 'typeorm';
import { createEdVisitsByAgeGroupLoader, EdVisitsByAgeGroupQuery } from './createEdVisitsByAgeGroupLoader';

/** Per request, kept in the request's scope; `defineSector` adds `measures`. */
export function createLoaders(db: DataSource, scope: LoaderRegistry) {
  return {
    /** ED visits by age group per area for one range and reason: one SQL statement for all areas. */
    edVisitsByAgeGroup: (query: EdVisitsByAgeGroupQuery) =>
      scope.get('edVisitsByAgeGroup', query, () => createEdVisitsByAgeGroupLoader(db, query)),
  };
}

export type HealthLoaders = ReturnType<typeof createLoaders>;
