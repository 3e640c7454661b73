import { FrameworkArea } from '@cswb/subgraph-kit/vocabulary';
import { PlanStatus } from '../entities/PlanStatus';

/**
 * The planning rules in one place. Change a value here (and document it in docs/plans.md):
 * every resolver, the seed and the tests read them from this file.
 */

/**
 * A plan counts as `balanced` when at least this share of its budget goes to the upstream
 * framework areas (social development, prevention, risk intervention). The framework says most
 * investment belongs there; 0.75 is this hub's reading of "most", not a number from the Act.
 */
export const UPSTREAM_BUDGET_SHARE_TARGET = 0.75;

/** The framework areas upstream of incident response. */
export const UPSTREAM_FRAMEWORK_AREAS: readonly FrameworkArea[] = [
  FrameworkArea.SOCIAL_DEVELOPMENT,
  FrameworkArea.PREVENTION,
  FrameworkArea.RISK_INTERVENTION,
];

/** The Act requires a review of the plan every four years: reviewDue is at most this long after adoption. */
export const REVIEW_INTERVAL_YEARS = 4;

/** The life cycle: DRAFT → ADOPTED → PUBLISHED → UNDER_REVIEW → ADOPTED → … */
export const NEXT_STATUS: Record<PlanStatus, PlanStatus> = {
  [PlanStatus.DRAFT]: PlanStatus.ADOPTED,
  [PlanStatus.ADOPTED]: PlanStatus.PUBLISHED,
  [PlanStatus.PUBLISHED]: PlanStatus.UNDER_REVIEW,
  [PlanStatus.UNDER_REVIEW]: PlanStatus.ADOPTED,
};

/**
 * The content council adopted (priority risks, strategies, outcomes, performance measures)
 * changes only while the plan is drafted or reviewed. The committee and the implementation
 * tasks (who does what when) change at any time.
 */
export const CONTENT_EDITABLE_STATUSES: readonly PlanStatus[] = [PlanStatus.DRAFT, PlanStatus.UNDER_REVIEW];

export const MAX_TITLE_LENGTH = 200;
export const MAX_ORGANISATION_LENGTH = 200;
/** Rationales, outcome statements and task descriptions: short controlled text. */
export const MAX_STATEMENT_LENGTH = 500;
export const MAX_DATA_SOURCE_LENGTH = 300;
export const MAX_PARTNERS = 20;
export const MAX_AREAS_PER_RISK = 200;
/** A single strategy's budget over the plan period, in CAD. */
export const MAX_BUDGET = 1_000_000_000;
