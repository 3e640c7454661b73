import { Field, ObjectType } from 'type-graphql';
import { SuppressionReason } from './SuppressionReason';

/** The fields every published breakdown count carries under disclosure control (a base class: only its subclasses are emitted). */
@ObjectType()
export abstract class DisclosedCount {
  @Field(() => Boolean, {
    description: 'True when the count is perturbed by the cell-key method (docs/privacy.md); false when it is exact or withheld',
  })
  perturbed: boolean;

  @Field(() => Boolean, { description: 'True when the count is withheld by disclosure control (docs/privacy.md)' })
  suppressed: boolean;

  @Field(() => SuppressionReason, { nullable: true, description: 'Why the count is withheld; null when it is not' })
  suppressionReason: SuppressionReason | null;
}
