import { registerEnumType } from 'type-graphql';

/**
 * Why an observation has no value when no disclosure rule withheld it (docs/data.md). Only
 * about what the hub holds for the whole sector, never about the area or a count.
 */
export enum UnavailableReason {
  NO_DATA = 'NO_DATA',
}

registerEnumType(UnavailableReason, {
  name: 'UnavailableReason',
  description: 'Why an observation has no value although nothing was withheld: a fact about what the hub holds, never about a count',
  valuesConfig: {
    NO_DATA: {
      description:
        "The hub holds no data of the indicator's source for this period (before the first or after the last month loaded); not a count of zero",
    },
  },
});
