import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Area } from './Area';
import { RiskContribution } from './RiskContribution';

@ObjectType({ description: "An area's place in a risk analysis, with the reasons" })
export class AreaRiskScore {
  @Field(() => Int, { description: '1 is the highest combined risk' })
  rank: number;

  @Field(() => ID)
  areaId: string;

  @Field(() => Area)
  area: Area;

  @Field(() => Float, { nullable: true, description: 'Weighted mean of the standard scores the area has; null when it has none' })
  composite: number | null;

  @Field(() => [RiskContribution], { description: 'Largest contribution first: why the area ranks where it does' })
  contributions: RiskContribution[];
}
