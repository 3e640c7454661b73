import { Field, Float, ID, InputType } from 'type-graphql';

@InputType({ description: 'An indicator of the risk analysis and how much it counts' })
export class WeightedIndicatorInput {
  @Field(() => ID, { description: 'Catalogue id, e.g. police.violent_crime_rate' })
  indicatorId: string;

  @Field(() => Float, { defaultValue: 1, description: 'Relative weight, more than 0 and at most 100' })
  weight: number;
}
