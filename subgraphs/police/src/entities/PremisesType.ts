import { registerEnumType } from 'type-graphql';

export enum PremisesType {
  RESIDENCE = 'RESIDENCE',
  COMMERCIAL = 'COMMERCIAL',
  OUTSIDE = 'OUTSIDE',
  TRANSIT = 'TRANSIT',
  EDUCATIONAL = 'EDUCATIONAL',
  OTHER = 'OTHER',
}

registerEnumType(PremisesType, { name: 'PremisesType', description: 'Kind of place an occurrence happened' });
