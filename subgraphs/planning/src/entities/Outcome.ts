import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { OutcomeLevel } from './OutcomeLevel';

/** A result a strategy is expected to bring about, at one level of the logic model. */
@Entity('plan_outcome')
@ObjectType('PlanOutcome', { description: 'An outcome of a strategy in the logic model, measured by performance measures' })
export class Outcome {
  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid', name: 'plan_id' })
  @Field(() => ID)
  planId: string;

  @Column({ type: 'uuid', name: 'strategy_id' })
  @Field(() => ID)
  strategyId: string;

  @Column({ type: 'text' })
  @Field({ description: 'The change expected, about the community; at most 500 characters' })
  statement: string;

  @Column({ type: 'text' })
  @Field(() => OutcomeLevel)
  level: OutcomeLevel;

  @Column({ type: 'timestamptz', name: 'created_at' })
  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}
