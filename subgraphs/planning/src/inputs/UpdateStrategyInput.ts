import { FrameworkArea } from '@cswb/subgraph-kit/vocabulary';
import { Field, Float, ID, InputType } from 'type-graphql';

@InputType({ description: 'Changes to a strategy: only the fields given change (lists are replaced)' })
export class UpdateStrategyInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => FrameworkArea, { nullable: true })
  frameworkArea?: FrameworkArea | null;

  @Field(() => String, { nullable: true })
  leadPartner?: string | null;

  @Field(() => [String], { nullable: true })
  partners?: string[] | null;

  @Field(() => Float, { nullable: true })
  budget?: number | null;

  @Field(() => [ID], { nullable: true })
  priorityRiskIds?: string[] | null;
}
