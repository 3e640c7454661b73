import { RISK_FACTORS } from '@cswb/subgraph-kit/vocabulary';
import { registerEnumType } from 'type-graphql';

/**
 * The risk-factor codes of the shared taxonomy (RISK_FACTORS in @cswb/subgraph-kit/vocabulary, the one place
 * it lives) as a GraphQL enum, so that a discussion's factors are codes, never text.
 */
export const SituationTableRiskFactor: Record<string, string> = Object.fromEntries(RISK_FACTORS.map((factor) => [factor.code, factor.code]));
export type SituationTableRiskFactor = string;

registerEnumType(SituationTableRiskFactor, {
  name: 'SituationTableRiskFactor',
  description: "A risk factor of Ontario's Risk-driven Tracking Database, prefixed by its category",
  valuesConfig: Object.fromEntries(RISK_FACTORS.map((factor) => [factor.code, { description: factor.label.EN }])),
});
