import { Field, Int, ObjectType } from 'type-graphql';
import { HealthAgeGroup } from './HealthAgeGroup';

@ObjectType({ description: 'Emergency department visits of one age group over a range of months' })
export class HealthAgeGroupCount {
  @Field(() => HealthAgeGroup)
  ageGroup: HealthAgeGroup;

  @Field(() => Int)
  visits: number;
}
