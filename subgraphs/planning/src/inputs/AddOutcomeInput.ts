import { Field, ID, InputType } from 'type-graphql';
import { OutcomeLevel } from '../entities/OutcomeLevel';

@InputType({ description: 'An outcome of a strategy in the logic model' })
export class AddOutcomeInput {
  @Field(() => ID)
  strategyId: string;

  @Field({ description: 'The change expected, about the community: 1 to 500 characters' })
  statement: string;

  @Field(() => OutcomeLevel)
  level: OutcomeLevel;
}
