import { BetterDirection } from '@cswb/subgraph-kit/vocabulary';
import { Field, Float, ID, InputType } from 'type-graphql';

@InputType({ description: 'An indicator of the risk analysis, how much it counts and which way is worse' })
export class WeightedIndicatorInput {
  @Field(() => ID, { description: 'Catalogue id, e.g. police.violent_crime_rate' })
  indicatorId: string;

  @Field(() => Float, { defaultValue: 1, description: 'Relative weight, more than 0 and at most 100' })
  weight: number;

  @Field(() => BetterDirection, {
    nullable: true,
    description:
      "Polarity for this analysis: HIGHER when a higher value means less risk, LOWER when it means more; omitted: the indicator's catalogue betterWhen (an indicator whose catalogue direction is NEUTRAL needs one)",
  })
  betterWhen?: BetterDirection | null;
}
