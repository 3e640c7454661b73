import { registerEnumType } from 'type-graphql';

export enum CallType {
  PERSON_IN_CRISIS = 'PERSON_IN_CRISIS',
  DISTURBANCE = 'DISTURBANCE',
  DOMESTIC = 'DOMESTIC',
  WELFARE_CHECK = 'WELFARE_CHECK',
  SUSPICIOUS = 'SUSPICIOUS',
  OTHER = 'OTHER',
}

registerEnumType(CallType, { name: 'CallType', description: 'Type of a police call for service' });
