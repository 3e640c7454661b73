import { registerEnumType } from 'type-graphql';

/** The population a shelter serves, as in the Toronto Shelter System Flow data. */
export enum HousingShelterSector {
  FAMILIES = 'FAMILIES',
  MEN = 'MEN',
  WOMEN = 'WOMEN',
  YOUTH = 'YOUTH',
  MIXED_ADULT = 'MIXED_ADULT',
}

registerEnumType(HousingShelterSector, {
  name: 'HousingShelterSector',
  description: 'The population an emergency shelter serves',
  valuesConfig: {
    FAMILIES: { description: 'Families with children' },
    MEN: { description: 'Single adult men' },
    WOMEN: { description: 'Single adult women' },
    YOUTH: { description: 'Youth aged 16 to 24' },
    MIXED_ADULT: { description: 'Single adults of any gender' },
  },
});
