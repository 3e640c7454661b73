import { RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A priority risk of a plan' })
export class AddPriorityRiskInput {
  @Field(() => ID)
  planId: string;

  @Field(() => RiskFactorCategory)
  category: RiskFactorCategory;

  @Field({ description: 'Why it is a priority, about the community (never a person): 1 to 500 characters' })
  rationale: string;

  @Field(() => [ID], { description: 'The areas where the risk is a priority (at least one)' })
  areaIds: string[];

  @Field(() => Int, { nullable: true, description: 'Priority, 1 the highest and unique in the plan; default: after the last' })
  rank?: number | null;
}
