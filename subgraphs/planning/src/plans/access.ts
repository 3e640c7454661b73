import { Caller, SCOPES } from '@cswb/contract/auth';
import { NotFoundError } from '@cswb/contract/errors';
import type { SubgraphContext } from '@cswb/subgraph-kit/server';
import type { Plan } from '../entities/Plan';
import type { PlanningLoaders } from '../loaders/createLoaders';
import { PlanStatus } from '../entities/PlanStatus';

/** Planners (scope plans:write) read every plan; everyone else reads published plans only. */
export function canReadAllPlans(caller: Caller): boolean {
  return !caller.anonymous && caller.scopes.includes(SCOPES.plansWrite);
}

export function isVisible(plan: Plan | null | undefined, caller: Caller): plan is Plan {
  return plan != null && (plan.status === PlanStatus.PUBLISHED || canReadAllPlans(caller));
}

/** Plan, risk and measure ids are UUIDs: anything else is not found without asking the database. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The plan, when the caller may read it from the root fields; NOT_FOUND otherwise, naming what
 * was asked for (`what`: a risk or measure of the plan), so that a draft's content and a missing
 * one look alike. Every entity reference into a plan goes through here.
 */
export async function visiblePlan(
  planId: unknown,
  ctx: SubgraphContext<PlanningLoaders>,
  what: { typeName: string; id: string } = { typeName: 'Plan', id: String(planId).slice(0, 200) },
): Promise<Plan> {
  const plan = typeof planId === 'string' && UUID.test(planId) ? await ctx.loaders.plans.planById.load(planId) : null;
  if (!isVisible(plan, ctx.caller)) throw new NotFoundError(what.typeName, what.id);
  return plan;
}
