import { FrameworkArea } from '@cswb/subgraph-kit/vocabulary';
import { Field, Float, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NUMERIC } from '../plans/numericColumn';

/** What the plan will do about its priority risks, in one area of the framework. */
@Entity('plan_strategy')
@ObjectType('PlanStrategy', { description: 'A strategy of the plan, in one area of the CSWB framework, led by a partner organisation' })
export class Strategy {
  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid', name: 'plan_id' })
  @Field(() => ID)
  planId: string;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ type: 'text', name: 'framework_area' })
  @Field(() => FrameworkArea)
  frameworkArea: FrameworkArea;

  @Column({ type: 'text', name: 'lead_partner' })
  @Field({ description: 'The organisation that leads it' })
  leadPartner: string;

  @Column({ type: 'text', array: true })
  @Field(() => [String], { description: 'Other organisations taking part' })
  partners: string[];

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: NUMERIC })
  @Field(() => Float, { description: 'Budget over the plan period, in Canadian dollars' })
  budget: number;

  @Column({ type: 'timestamptz', name: 'created_at' })
  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}
