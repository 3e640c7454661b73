import { registerEnumType } from 'type-graphql';

/** Age bands of the shared tables; the stored value is the band's label. */
export enum HealthAgeGroup {
  AGE_0_11 = '0-11',
  AGE_12_17 = '12-17',
  AGE_18_24 = '18-24',
  AGE_25_44 = '25-44',
  AGE_45_64 = '45-64',
  AGE_65_PLUS = '65+',
}

registerEnumType(HealthAgeGroup, {
  name: 'HealthAgeGroup',
  description: 'Age group, in years, of the residents counted',
  valuesConfig: {
    AGE_0_11: { description: '0-11' },
    AGE_12_17: { description: '12-17' },
    AGE_18_24: { description: '18-24' },
    AGE_25_44: { description: '25-44' },
    AGE_45_64: { description: '45-64' },
    AGE_65_PLUS: { description: '65+' },
  },
});
