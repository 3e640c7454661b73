import { FrameworkArea } from '@cswb/subgraph-kit/vocabulary';
import { Field, Float, ID, InputType } from 'type-graphql';

@InputType({ description: 'A strategy of a plan' })
export class AddStrategyInput {
  @Field(() => ID)
  planId: string;

  @Field({ description: '1 to 200 characters, unique in the plan' })
  title: string;

  @Field(() => FrameworkArea)
  frameworkArea: FrameworkArea;

  @Field({ description: 'The organisation that leads it' })
  leadPartner: string;

  @Field(() => [String], { defaultValue: [], description: 'Other organisations taking part (at most 20)' })
  partners: string[];

  @Field(() => Float, { description: 'Budget over the plan period in CAD: 0 or more, in whole cents' })
  budget: number;

  @Field(() => [ID], { defaultValue: [], description: 'Priority risks of the same plan it addresses' })
  priorityRiskIds: string[];
}
