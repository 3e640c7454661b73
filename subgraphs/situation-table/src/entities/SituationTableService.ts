import { registerEnumType } from 'type-graphql';

/** Kinds of service the intervention mobilised. */
export enum SituationTableService {
  MENTAL_HEALTH = 'MENTAL_HEALTH',
  ADDICTIONS = 'ADDICTIONS',
  HOUSING = 'HOUSING',
  INCOME_SUPPORT = 'INCOME_SUPPORT',
  CHILD_PROTECTION = 'CHILD_PROTECTION',
  VICTIM_SERVICES = 'VICTIM_SERVICES',
  EDUCATION_SUPPORT = 'EDUCATION_SUPPORT',
  HEALTH_CARE = 'HEALTH_CARE',
}

registerEnumType(SituationTableService, {
  name: 'SituationTableService',
  description: 'A kind of service mobilised by a Situation Table intervention',
});
