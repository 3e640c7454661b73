import { registerEnumType } from 'type-graphql';

export enum HealthSex {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
}

registerEnumType(HealthSex, { name: 'HealthSex', description: 'Sex as recorded in the hospital abstract' });
