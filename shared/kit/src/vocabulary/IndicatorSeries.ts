import { Directive, Field, ObjectType } from 'type-graphql';
import { IndicatorDefinition } from './IndicatorDefinition';
import { Observation } from './Observation';

@Directive('@shareable')
@ObjectType({ description: 'An indicator over a range of periods, one observation per period' })
export class IndicatorSeries {
  @Field(() => IndicatorDefinition)
  indicator: IndicatorDefinition;

  @Field(() => [Observation])
  observations: Observation[];
}
