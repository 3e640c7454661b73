import { registerEnumType } from 'type-graphql';

/** The outcome levels of the CSWB toolkit's logic model (inputs → activities → outputs → outcomes). */
export enum OutcomeLevel {
  IMMEDIATE = 'IMMEDIATE',
  INTERMEDIATE = 'INTERMEDIATE',
  LONG_TERM = 'LONG_TERM',
}

registerEnumType(OutcomeLevel, {
  name: 'OutcomeLevel',
  description: 'Level of an outcome in the logic model: immediate, intermediate or long-term',
});
