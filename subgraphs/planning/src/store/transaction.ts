import { SubgraphContext } from '@cswb/subgraph-kit/server';
import type { EntityManager } from 'typeorm';
import type { PlanningLoaders } from '../loaders/createLoaders';
import { forgetPlanLoaders } from '../loaders/createPlanLoaders';

/**
 * Runs one mutation in one transaction: any error (an input found invalid against the
 * database, a constraint, a failing step) rolls back every step before it. Afterwards the
 * request's loaders forget what they had cached, so the result is read as committed.
 */
export async function inTransaction<T>(ctx: SubgraphContext<PlanningLoaders>, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction(work);
  } finally {
    forgetPlanLoaders(ctx.loaders.plans);
  }
}
