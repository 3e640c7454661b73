import { createManyLoader, createOneLoader } from '@cswb/subgraph-kit/loaders';
import type { DataSource } from 'typeorm';
import { BoundaryCache } from '../boundaries/BoundaryCache';
import { Area } from '../entities/Area';
import type { AreaGeometry } from '../geometry/Geometry';
import type { SharedEdgeSimplifier } from '../geometry/SharedEdgeSimplifier';
import { areasByIds, childAreasOf, NeighbourhoodRow, neighbourhoodsUnder } from '../store/areaStore';
import { createPlanLoaders } from './createPlanLoaders';

export function createLoaders(db: DataSource) {
  let boundaries: Promise<SharedEdgeSimplifier> | undefined;
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
    /** Every area's boundary simplified to a tolerance: one check of the stored boundaries per request. */
    boundaries: createOneLoader<number, { tolerance: number; geometries: ReadonlyMap<string, AreaGeometry> }>({
      fetch: async (tolerances) => {
        const simplifier = await (boundaries ??= BoundaryCache.of(db).current());
        return tolerances.map((tolerance) => ({ tolerance, geometries: simplifier.simplified(tolerance) }));
      },
      keyOfRow: (row) => row.tolerance,
    }),
    /** Plans and their content (see createPlanLoaders). */
    plans: createPlanLoaders(db),
  };
}

export type PlanningLoaders = ReturnType<typeof createLoaders>;
