import { LocalDateResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { PlanStatus } from '../entities/PlanStatus';

@InputType({ description: 'Changes to a plan: only the fields given change' })
export class UpdatePlanInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  periodStart?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  periodEnd?: string | null;

  @Field(() => PlanStatus, {
    nullable: true,
    description: 'The next status: DRAFT → ADOPTED → PUBLISHED → UNDER_REVIEW → ADOPTED … (the same status changes nothing)',
  })
  status?: PlanStatus | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date of the council resolution; required when adopting, given only then' })
  adoptedOn?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Review date of an adopted plan: after adoptedOn and at most four years later (default adoptedOn + 4 years)',
  })
  reviewDue?: string | null;
}
