import { SuppressionReason } from '@cswb/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { HealthAgeGroup } from './HealthAgeGroup';

@ObjectType({ description: 'Emergency department visits of one age group over a range of months' })
export class HealthAgeGroupCount {
  @Field(() => HealthAgeGroup)
  ageGroup: HealthAgeGroup;

  @Field(() => Int, {
    nullable: true,
    description: 'Exact for callers with records:read:health, otherwise randomly rounded to base 5; null when suppressed',
  })
  visits: number | null;

  @Field(() => Boolean, { description: 'True when visits is withheld by disclosure control (docs/privacy.md)' })
  suppressed: boolean;

  @Field(() => SuppressionReason, { nullable: true, description: 'Why visits is withheld; null when it is not' })
  suppressionReason: SuppressionReason | null;
}
