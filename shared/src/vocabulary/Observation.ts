import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { Period } from './Period';

@Directive('@shareable')
@ObjectType({ description: 'One value of an indicator for one area and one period' })
export class Observation {
  @Field(() => ID)
  areaId: string;

  @Field(() => Period)
  period: Period;

  @Field(() => Float, { nullable: true, description: 'The indicator value; null when unavailable' })
  value: number | null;

  @Field(() => Float, { nullable: true, description: 'Count the value is built from' })
  numerator: number | null;

  @Field(() => Float, { nullable: true, description: 'Population or base the count is divided by, if a rate' })
  denominator: number | null;

  @Field()
  unit: string;
}
