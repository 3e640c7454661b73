import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, Int } from 'type-graphql';

export const MAX_DISCUSSIONS = 1000;

@ArgsType()
export class DiscussionArgs {
  @Field(() => LocalDateResolver, { description: 'First day (inclusive)' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day (inclusive)' })
  to: string;

  @Field(() => ID, { nullable: true, description: 'Only the discussions of this table' })
  tableId?: string | null;

  @Field(() => Int, { defaultValue: 100, description: `Most discussions returned, 1 to ${MAX_DISCUSSIONS}` })
  limit: number;
}
