import { LocalDateResolver } from 'graphql-scalars';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ImplementationTaskStatus } from './ImplementationTaskStatus';

/** A line of the implementation plan: who does what, when, and to whom they report. */
@Entity('plan_implementation_task')
@ObjectType({ description: "A task of the plan's implementation plan: who does what when, and whom they report to" })
export class ImplementationTask {
  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid', name: 'plan_id' })
  @Field(() => ID)
  planId: string;

  @Column({ type: 'uuid', name: 'strategy_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The strategy the task carries out, if any' })
  strategyId: string | null;

  @Column({ type: 'text' })
  @Field({ description: 'The partner organisation that does it' })
  who: string;

  @Column({ type: 'text' })
  @Field({ description: 'What is done' })
  what: string;

  @Column({ type: 'date', name: 'start_on' })
  @Field(() => LocalDateResolver)
  start: string;

  @Column({ type: 'date', name: 'due_on' })
  @Field(() => LocalDateResolver)
  due: string;

  @Column({ type: 'text' })
  @Field(() => ImplementationTaskStatus)
  status: ImplementationTaskStatus;

  @Column({ type: 'text', name: 'reporting_line' })
  @Field({ description: 'The organisation or committee the task reports to' })
  reportingLine: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}
