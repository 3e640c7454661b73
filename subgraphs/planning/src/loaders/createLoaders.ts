import { createManyLoader, createOneLoader } from '@cswb/subgraph-kit/loaders';
import type { DataSource } from 'typeorm';
import { Area } from '../entities/Area';
import { areasByIds, childAreasOf, NeighbourhoodRow, neighbourhoodsUnder } from '../store/areaStore';
import { createPlanLoaders } from './createPlanLoaders';

export function createLoaders(db: DataSource) {
  return {
    areaById: createOneLoader<string, Area>({
      fetch: (ids) => areasByIds(db.manager, ids),
      keyOfRow: (area) => area.id,
    }),
    childrenOf: createManyLoader<string, Area>({
      fetch: (ids) => childAreasOf(db.manager, ids),
      keyOfRow: (area) => area.parentId as string,
    }),
    neighbourhoodsUnder: createManyLoader<string, NeighbourhoodRow>({
      fetch: (ids) => neighbourhoodsUnder(db.manager, ids),
      keyOfRow: (row) => row.root_id,
    }),
    /** Plans and their content (see createPlanLoaders). */
    plans: createPlanLoaders(db),
  };
}

export type PlanningLoaders = ReturnType<typeof createLoaders>;
