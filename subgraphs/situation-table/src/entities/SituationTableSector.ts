import { registerEnumType } from 'type-graphql';

/** The sector of an agency at a Situation Table: who brought a situation, who helped. */
export enum SituationTableSector {
  POLICE = 'POLICE',
  HEALTH = 'HEALTH',
  EDUCATION = 'EDUCATION',
  HOUSING = 'HOUSING',
  SOCIAL_SERVICES = 'SOCIAL_SERVICES',
  CHILD_WELFARE = 'CHILD_WELFARE',
  MENTAL_HEALTH = 'MENTAL_HEALTH',
  MUNICIPAL = 'MUNICIPAL',
  OTHER = 'OTHER',
}

registerEnumType(SituationTableSector, {
  name: 'SituationTableSector',
  description: 'The sector of an agency taking part in a Situation Table discussion (an agency, never a person)',
});
