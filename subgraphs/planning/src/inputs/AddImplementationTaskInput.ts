import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { ImplementationTaskStatus } from '../entities/ImplementationTaskStatus';

@InputType({ description: 'A task of the implementation plan' })
export class AddImplementationTaskInput {
  @Field(() => ID)
  planId: string;

  @Field({ description: 'The partner organisation that does it' })
  who: string;

  @Field({ description: 'What is done: 1 to 500 characters' })
  what: string;

  @Field(() => LocalDateResolver)
  start: string;

  @Field(() => LocalDateResolver, { description: 'On or after start' })
  due: string;

  @Field(() => ImplementationTaskStatus, { defaultValue: ImplementationTaskStatus.NOT_STARTED })
  status: ImplementationTaskStatus;

  @Field({ description: 'The organisation or committee it reports to' })
  reportingLine: string;

  @Field(() => ID, { nullable: true, description: 'The strategy of the same plan it carries out' })
  strategyId?: string | null;
}
