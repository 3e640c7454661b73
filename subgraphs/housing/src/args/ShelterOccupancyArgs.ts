import { Granularity } from '@cswb/subgraph-kit/vocabulary';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class ShelterOccupancyArgs {
  @Field(() => LocalDateResolver, { description: 'First day of the first period (inclusive)' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the last period (inclusive)' })
  to: string;

  @Field(() => Granularity, { defaultValue: Granularity.MONTH })
  granularity: Granularity;
}
