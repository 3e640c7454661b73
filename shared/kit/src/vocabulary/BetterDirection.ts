import { registerEnumType } from 'type-graphql';

/** Which way an indicator should move for the community to be better off. */
export enum BetterDirection {
  HIGHER = 'HIGHER',
  LOWER = 'LOWER',
  NEUTRAL = 'NEUTRAL',
}

registerEnumType(BetterDirection, {
  name: 'BetterDirection',
  description: 'Which way an indicator should move for the community to be better off',
});
