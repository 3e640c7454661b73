import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, Int } from 'type-graphql';

export const MAX_RECORDS = 1000;

@ArgsType()
export class RecordRangeArgs {
  @Field(() => ID, { description: 'Neighbourhood id' })
  areaId: string;

  @Field(() => LocalDateResolver, { description: 'First day (inclusive)' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day (inclusive)' })
  to: string;

  @Field(() => Int, { defaultValue: 100, description: `Most records returned, 1 to ${MAX_RECORDS}` })
  limit: number;
}
