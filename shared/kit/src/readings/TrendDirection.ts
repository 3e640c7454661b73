import { registerEnumType } from 'type-graphql';

export enum TrendDirection {
  IMPROVING = 'IMPROVING',
  WORSENING = 'WORSENING',
  STABLE = 'STABLE',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(TrendDirection, {
  name: 'TrendDirection',
  description: "Direction of an indicator over its published periods, read against which way is better",
});
