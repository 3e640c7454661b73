import { RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A risk the plan prioritises, from the risk analysis: a category, where, and why. */
@Entity('plan_priority_risk')
@Directive('@key(fields: "id")')
@ObjectType('PlanPriorityRisk', { description: 'A local risk the plan prioritises, identified by combining data with community input' })
export class PriorityRisk {
  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid', name: 'plan_id' })
  @Field(() => ID)
  planId: string;

  @Column({ type: 'text' })
  @Field(() => RiskFactorCategory)
  category: RiskFactorCategory;

  @Column({ type: 'text' })
  @Field({ description: 'Why it is a priority, about the community (never a person); at most 500 characters' })
  rationale: string;

  @Column({ type: 'int' })
  @Field(() => Int, { description: '1 is the highest priority; unique within a plan' })
  rank: number;

  @Column({ type: 'timestamptz', name: 'created_at' })
  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}
