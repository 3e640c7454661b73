import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class SchoolYearRangeArgs {
  @Field(() => Int, { description: 'First school year (inclusive), named by the calendar year it ends in: 2024 is 2023-24' })
  from: number;

  @Field(() => Int, { description: 'Last school year (inclusive), named by the calendar year it ends in' })
  to: number;
}
