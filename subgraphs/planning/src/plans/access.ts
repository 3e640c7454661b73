import { Caller, SCOPES } from '@cswb/shared';
import type { Plan } from '../entities/Plan';
import { PlanStatus } from '../entities/PlanStatus';

/** Planners (scope plans:write) read every plan; everyone else reads published plans only. */
export function canReadAllPlans(caller: Caller): boolean {
  return !caller.anonymous && caller.scopes.includes(SCOPES.plansWrite);
}

export function isVisible(plan: Plan | null | undefined, caller: Caller): plan is Plan {
  return plan != null && (plan.status === PlanStatus.PUBLISHED || canReadAllPlans(caller));
}
