import { registerEnumType } from 'type-graphql';

export enum SituationTableGender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  GENDER_DIVERSE = 'GENDER_DIVERSE',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(SituationTableGender, {
  name: 'SituationTableGender',
  description: 'Gender of the person at risk as presented to the table',
});
