import { BadUserInputError, NotFoundError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import type { EntityManager } from 'typeorm';
import { Plan } from '../entities/Plan';
import type { PlanningLoaders } from '../loaders/createLoaders';
import { forgetPlanLoaders } from '../loaders/createPlanLoaders';
import { CONTENT_EDITABLE_STATUSES } from './rules';
import { isUuid } from './validation';

type Context = SubgraphContext<PlanningLoaders>;

/**
 * Runs one mutation in one transaction: any error (an input found invalid against the
 * database, a constraint, a failing step) rolls back every step before it. Afterwards the
 * request's loaders forget what they had cached, so the result is read as committed.
 */
export async function inTransaction<T>(ctx: Context, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction(work);
  } finally {
    forgetPlanLoaders(ctx.loaders.plans);
  }
}

/** The plan, locked for the rest of the transaction so that concurrent edits of it queue up. */
export async function lockPlan(manager: EntityManager, id: string): Promise<Plan> {
  const plan = isUuid(id)
    ? await manager.getRepository(Plan).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne()
    : null;
  if (!plan) throw new NotFoundError('Plan', id);
  return plan;
}

/** Throws unless the plan's adopted content may change now. */
export function requireContentEditable(plan: Plan, field: string): void {
  if (!CONTENT_EDITABLE_STATUSES.includes(plan.status)) {
    throw new BadUserInputError(
      `${field}: plan ${plan.id} is ${plan.status}; its adopted content (title, period, risks, strategies, outcomes, measures) changes only while it is DRAFT or UNDER_REVIEW`,
      field,
    );
  }
}

/** Records that something in the plan changed. */
export async function touchPlan(manager: EntityManager, planId: string): Promise<void> {
  await manager.query('UPDATE plan SET updated_at = now() WHERE id = $1', [planId]);
}
