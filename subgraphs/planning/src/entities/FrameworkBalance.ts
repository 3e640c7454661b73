import { FrameworkArea } from '@cswb/subgraph-kit/vocabulary';
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "A plan's strategies and budget in one area of the CSWB framework" })
export class FrameworkBalance {
  @Field(() => FrameworkArea)
  frameworkArea: FrameworkArea;

  @Field(() => Int, { description: 'Strategies in this framework area' })
  strategies: number;

  @Field(() => Float, { description: 'Their budget, in Canadian dollars' })
  budget: number;

  @Field(() => Float, { description: "Share of the plan's total budget, 0 to 1 (0 when the plan has no budget)" })
  budgetShare: number;
}
