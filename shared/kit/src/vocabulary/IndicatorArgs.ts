import { ArgsType, Field, ID } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { FrameworkArea } from './FrameworkArea';
import { Granularity } from './Granularity';

/** The arguments every sector profile's `indicators` field takes, the same in every subgraph. */
@ArgsType()
export class IndicatorArgs {
  @Field(() => LocalDateResolver, { description: 'First day of the first period (inclusive)' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the last period (inclusive)' })
  to: string;

  @Field(() => Granularity, { defaultValue: Granularity.YEAR })
  granularity: Granularity;

  @Field(() => FrameworkArea, { nullable: true, description: 'Only indicators of this framework area' })
  frameworkArea?: FrameworkArea | null;

  @Field(() => [ID], { nullable: true, description: 'Only these indicators' })
  ids?: string[] | null;
}
