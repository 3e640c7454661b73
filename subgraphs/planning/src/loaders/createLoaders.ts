import { createManyLoader, createOneLoader } from '@cswb/subgraph-kit/loaders';
import type { DataSource } from 'typeorm';
import { Area } from '../entities/Area';
import { createPlanLoaders } from './createPlanLoaders';

interface NeighbourhoodRow {
  root_id: string;
  neighbourhood_id: string;
}

export function createLoaders(db: DataSource) {
  return {
    areaById: createOneLoader<string, Area>({
      fetch: (ids) => db.getRepository(Area).createQueryBuilder('a').where('a.id = ANY(:ids)', { ids }).getMany(),
      keyOfRow: (area) => area.id,
    }),
    childrenOf: createManyLoader<string, Area>({
      fetch: (ids) =>
        db
          .getRepository(Area)
          .createQueryBuilder('a')
          .where('a.parent_id = ANY(:ids)', { ids })
          .orderBy('a.id')
          .getMany(),
      keyOfRow: (area) => area.parentId as string,
    }),
    neighbourhoodsUnder: createManyLoader<string, NeighbourhoodRow>({
      fetch: (ids) =>
        db.query(
          `WITH RECURSIVE tree(root_id, id, kind) AS (
             SELECT id, id, kind FROM area WHERE id = ANY($1)
             UNION ALL
             SELECT tree.root_id, child.id, child.kind FROM area child JOIN tree ON child.parent_id = tree.id
           )
           SELECT root_id, id AS neighbourhood_id FROM tree WHERE kind = 'NEIGHBOURHOOD' ORDER BY id`,
          [ids],
        ),
      keyOfRow: (row) => row.root_id,
    }),
    /** Plans and their content (see createPlanLoaders). */
    plans: createPlanLoaders(db),
  };
}

export type PlanningLoaders = ReturnType<typeof createLoaders>;
