import { registerEnumType } from 'type-graphql';

/**
 * Why a published value was withheld (docs/privacy.md). Only rules about the query's shape and
 * public facts (an area's size, the caller's scope) withhold a figure: a small count is never
 * withheld, it is perturbed, so no reason ever says that a count is small.
 */
export enum SuppressionReason {
  SMALL_AREA = 'SMALL_AREA',
  COARSE_GEOGRAPHY_ONLY = 'COARSE_GEOGRAPHY_ONLY',
  FINE_BREAKDOWN = 'FINE_BREAKDOWN',
}

registerEnumType(SuppressionReason, {
  name: 'SuppressionReason',
  description: 'Why a value was withheld by disclosure control: always a rule about the area or the query, never about the count',
  valuesConfig: {
    SMALL_AREA: { description: 'The area has too few residents to be reported by month or quarter; ask for years' },
    COARSE_GEOGRAPHY_ONLY: { description: 'Single neighbourhoods are shown to callers with scope aggregates:read only; ask for a ward or the municipality' },
    FINE_BREAKDOWN: { description: 'Breakdowns (by age group, risk category, agency...) of a single neighbourhood are published by calendar year only; its totals by month and quarter are not withheld for this' },
  },
});
