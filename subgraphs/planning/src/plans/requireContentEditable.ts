import { BadUserInputError } from '@cswb/contract/errors';
import { Plan } from '../entities/Plan';
import { CONTENT_EDITABLE_STATUSES } from './rules';

/** Throws unless the plan's adopted content may change now. */
export function requireContentEditable(plan: Plan, field: string): void {
  if (!CONTENT_EDITABLE_STATUSES.includes(plan.status)) {
    throw new BadUserInputError(
      `${field}: plan ${plan.id} is ${plan.status}; its adopted content (title, period, risks, strategies, outcomes, measures) changes only while it is DRAFT or UNDER_REVIEW`,
      field,
    );
  }
}
