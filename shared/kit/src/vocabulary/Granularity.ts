import { registerEnumType } from 'type-graphql';

/** The length of the periods an indicator series is reported in. */
export enum Granularity {
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
}

registerEnumType(Granularity, {
  name: 'Granularity',
  description: 'The length of the periods an indicator series is reported in',
});
