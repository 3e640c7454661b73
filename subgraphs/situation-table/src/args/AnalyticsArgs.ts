import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class AnalyticsArgs {
  @Field(() => LocalDateResolver, { description: 'First day of the first month (inclusive)' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the last month (inclusive)' })
  to: string;

  @Field(() => ID, { nullable: true, description: 'Only discussions recorded in this neighbourhood (AER discussions: a rejected one records no area)' })
  areaId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the discussions of this table' })
  tableId?: string | null;
}
