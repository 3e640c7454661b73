import { registerEnumType } from 'type-graphql';

export enum AreaKind {
  MUNICIPALITY = 'MUNICIPALITY',
  WARD = 'WARD',
  NEIGHBOURHOOD = 'NEIGHBOURHOOD',
}

registerEnumType(AreaKind, {
  name: 'AreaKind',
  description: 'Level of the geography: neighbourhoods lie within wards, wards within a municipality',
});
