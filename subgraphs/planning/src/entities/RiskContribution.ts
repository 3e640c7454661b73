import { BetterDirection } from '@cswb/subgraph-kit/vocabulary';
import { Field, Float, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: "One indicator's part in an area's composite risk score" })
export class RiskContribution {
  @Field(() => ID)
  indicatorId: string;

  @Field(() => Float, { nullable: true, description: "The area's mean yearly value over the range; null when withheld from the caller" })
  value: number | null;

  @Field(() => Float, { nullable: true, description: 'Standard score among the areas, signed so that higher means worse' })
  zScore: number | null;

  @Field(() => Float)
  weight: number;

  @Field(() => BetterDirection, { description: "The polarity the score used: the input's betterWhen, else the catalogue's" })
  betterWhen: BetterDirection;

  @Field(() => Float, { nullable: true, description: 'weight × zScore ÷ the weights of the indicators the area has values for' })
  contribution: number | null;
}
