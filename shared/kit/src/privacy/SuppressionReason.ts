import { registerEnumType } from 'type-graphql';

/** Why a published value was withheld (docs/privacy.md). */
export enum SuppressionReason {
  SMALL_COUNT = 'SMALL_COUNT',
  SMALL_DENOMINATOR = 'SMALL_DENOMINATOR',
  SMALL_AREA = 'SMALL_AREA',
  COARSE_GEOGRAPHY_ONLY = 'COARSE_GEOGRAPHY_ONLY',
}

registerEnumType(SuppressionReason, {
  name: 'SuppressionReason',
  description: 'Why a value was withheld by disclosure control (small-cell suppression)',
  valuesConfig: {
    SMALL_COUNT: { description: 'The count is from 1 up to the indicator\'s threshold (default 5), or a rate is built on such a count' },
    SMALL_DENOMINATOR: { description: 'The base a rate or percentage is divided by is below the threshold' },
    SMALL_AREA: { description: 'The area has too few residents to be reported by month or quarter; ask for years' },
    COARSE_GEOGRAPHY_ONLY: { description: 'Single neighbourhoods are shown to callers with scope aggregates:read only; ask for a ward or the municipality' },
  },
});
