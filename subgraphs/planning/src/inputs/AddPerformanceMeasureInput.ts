import { Granularity } from '@cswb/subgraph-kit/vocabulary';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType } from 'type-graphql';

@InputType({ description: 'A row of the performance measurement framework, measuring an outcome with a catalogue indicator' })
export class AddPerformanceMeasureInput {
  @Field(() => ID)
  outcomeId: string;

  @Field(() => ID, { description: 'An indicator id of the catalogue (`indicatorCatalogue`)' })
  indicatorId: string;

  @Field(() => ID, { description: 'The area the measure is tracked for' })
  areaId: string;

  @Field(() => Float, { description: "0 or more, in the indicator's unit" })
  baseline: number;

  @Field({ description: 'A period label (2023, 2023-Q4, 2023-06) no finer than the indicator is collected, or a date' })
  baselinePeriod: string;

  @Field(() => Float, { description: "0 or more, in the indicator's unit, no worse than the baseline" })
  target: number;

  @Field(() => LocalDateResolver, { description: "On or after the plan's periodStart" })
  targetDate: string;

  @Field(() => String, { nullable: true, description: "Default: the indicator's source" })
  dataSource?: string | null;

  @Field(() => Granularity, { nullable: true, description: "Default: the indicator's frequency; never finer than it" })
  collectionFrequency?: Granularity | null;

  @Field({ description: 'The organisation responsible for the measure' })
  responsiblePartner: string;
}
