import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { SuppressionReason } from '../privacy/SuppressionReason';
import { Period } from './Period';
import { UnavailableReason } from './UnavailableReason';

@Directive('@shareable')
@ObjectType({ description: 'One value of an indicator for one area and one period' })
export class Observation {
  @Field(() => ID)
  areaId: string;

  @Field(() => Period)
  period: Period;

  @Field(() => Float, { nullable: true, description: 'The indicator value; null when suppressed (see suppressionReason) or unavailable (see unavailableReason)' })
  value: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Count the value is built from: exact for callers with record-level rights over the rows counted, otherwise perturbed (see perturbed)',
  })
  numerator: number | null;

  @Field(() => Float, { nullable: true, description: 'Population (exact, public) or base count (perturbed like the numerator) the count is divided by, if a rate' })
  denominator: number | null;

  @Field()
  unit: string;

  @Field(() => Boolean, {
    description:
      'True when numerator, value and a count denominator come from counts perturbed by the cell-key method (docs/privacy.md): ' +
      'noise of at most a few units, the same on every request; totals need not equal the sum of their parts, ' +
      'and no count from 1 to the smallest published count minus one is ever shown. False when the values are exact',
  })
  perturbed: boolean;

  @Field(() => Boolean, { description: 'True when value, numerator and denominator are withheld by disclosure control (docs/privacy.md)' })
  suppressed: boolean;

  @Field(() => SuppressionReason, { nullable: true, description: 'Why the value is withheld; null when it is not' })
  suppressionReason: SuppressionReason | null;

  @Field(() => UnavailableReason, {
    nullable: true,
    description:
      'Why value, numerator and denominator are null although nothing was withheld: NO_DATA for a period the hub holds no data of (docs/data.md). ' +
      'Null when the period has data; a period with data but no records counts 0',
  })
  unavailableReason: UnavailableReason | null;
}
