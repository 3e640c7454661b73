import { registerEnumType } from 'type-graphql';

/** The age bands of the Risk-driven Tracking Database; the stored value is the band's label. */
export enum SituationTableAgeGroup {
  AGE_0_11 = '0-11',
  AGE_12_17 = '12-17',
  AGE_18_24 = '18-24',
  AGE_25_29 = '25-29',
  AGE_30_39 = '30-39',
  AGE_40_59 = '40-59',
  AGE_60_PLUS = '60+',
}

registerEnumType(SituationTableAgeGroup, {
  name: 'SituationTableAgeGroup',
  description: 'Age band, in years, of the person at risk, as the Risk-driven Tracking Database records it',
  valuesConfig: {
    AGE_0_11: { description: '0-11' },
    AGE_12_17: { description: '12-17' },
    AGE_18_24: { description: '18-24' },
    AGE_25_29: { description: '25-29' },
    AGE_30_39: { description: '30-39' },
    AGE_40_59: { description: '40-59' },
    AGE_60_PLUS: { description: '60 and over' },
  },
});
