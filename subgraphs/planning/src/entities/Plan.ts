import { REQUIRES_PLANS_WRITE } from '@cswb/contract/auth';
import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PlanStatus } from './PlanStatus';

/** A municipality's Community Safety and Well-Being plan. */
@Entity('plan')
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A municipality's Community Safety and Well-Being plan: advisory committee, priority risks, strategies, logic model, performance measures and implementation plan. Everyone reads PUBLISHED plans; planners (plans:write) read all.",
})
export class Plan {
  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text', name: 'municipality_id' })
  @Field(() => ID, { description: 'Id of the MUNICIPALITY area the plan is for' })
  municipalityId: string;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ type: 'date', name: 'period_start' })
  @Field(() => LocalDateResolver, { description: 'First day the plan covers' })
  periodStart: string;

  @Column({ type: 'date', name: 'period_end' })
  @Field(() => LocalDateResolver, { description: 'Last day the plan covers' })
  periodEnd: string;

  @Column({ type: 'text' })
  @Field(() => PlanStatus)
  status: PlanStatus;

  @Column({ type: 'date', name: 'adopted_on', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'Date of the council resolution that (last) adopted the plan' })
  adoptedOn: string | null;

  @Column({ type: 'date', name: 'review_due', nullable: true })
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'When the plan must have been reviewed: the Act requires a review every four years (adoptedOn + 4 years unless set earlier)',
  })
  reviewDue: string | null;

  @Column({ type: 'text', name: 'created_by', nullable: true })
  @Directive(REQUIRES_PLANS_WRITE)
  @Field(() => String, { nullable: true, description: 'Subject of the token that created the plan (planners only)' })
  createdBy: string | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  @Field(() => GraphQLISODateTime, { description: 'Last change to the plan or anything in it' })
  updatedAt: Date;
}
