import { DisclosedCount } from '@cswb/subgraph-kit/privacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { HealthAgeGroup } from './HealthAgeGroup';

@ObjectType({ description: 'Emergency department visits of one age group over a range of months' })
export class HealthAgeGroupCount extends DisclosedCount {
  @Field(() => HealthAgeGroup)
  ageGroup: HealthAgeGroup;

  @Field(() => Int, {
    nullable: true,
    description: 'Exact for callers with records:read:health, otherwise perturbed (docs/privacy.md); null when withheld',
  })
  visits: number | null;
}
