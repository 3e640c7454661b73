import { recordScope } from './Caller';
import { SCOPES } from './roles';

/**
 * The federation auth directives as the sectors declare them on fields (`@Directive(...)`).
 * The gateway enforces them from the supergraph; each subgraph from its own schema.
 */
export function requiresScopes(...alternatives: string[][]): string {
  return `@requiresScopes(scopes: ${JSON.stringify(alternatives)})`;
}

export function requiresPolicy(...alternatives: string[][]): string {
  return `@policy(policies: ${JSON.stringify(alternatives)})`;
}

/** Record-level data of a sector: its analysts only. */
export function requiresRecordAccess(sector: string): string {
  return requiresScopes([recordScope(sector)]);
}

/** Aggregates beyond the public indicators: planners and analysts. */
export const REQUIRES_AGGREGATES = requiresScopes([SCOPES.aggregatesRead]);

/** Writing plans: planners. */
export const REQUIRES_PLANS_WRITE = requiresScopes([SCOPES.plansWrite]);

/** Situation Table records: members, for the purpose of risk intervention only. */
export const REQUIRES_RISK_INTERVENTION = [requiresScopes([SCOPES.riskRead]), requiresPolicy(['purpose:risk-intervention'])] as const;

/** Record-level reads must declare a purpose that allows them. */
export const REQUIRES_RECORD_PURPOSE = requiresPolicy(['purpose:evaluation'], ['purpose:risk-intervention']);
