import { registerEnumType } from 'type-graphql';

/** Strengths the table noted, from a small controlled list. */
export enum SituationTableProtectiveFactor {
  SUPPORTIVE_FAMILY = 'SUPPORTIVE_FAMILY',
  ENGAGED_IN_SCHOOL = 'ENGAGED_IN_SCHOOL',
  STABLE_HOUSING = 'STABLE_HOUSING',
  CONNECTED_TO_SERVICES = 'CONNECTED_TO_SERVICES',
  EMPLOYED = 'EMPLOYED',
  POSITIVE_PEERS = 'POSITIVE_PEERS',
}

registerEnumType(SituationTableProtectiveFactor, {
  name: 'SituationTableProtectiveFactor',
  description: 'A protective factor noted in a Situation Table discussion',
});
