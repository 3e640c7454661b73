import { Granularity } from '@cswb/subgraph-kit/vocabulary';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A row of the plan's performance measurement framework: an outcome, the catalogue indicator
 * that measures it in one area, baseline, target, data source, frequency and responsibility.
 */
@Entity('plan_performance_measure')
@ObjectType({
  description:
    "A row of the plan's performance measurement framework: which catalogue indicator measures an outcome, for which area, from what baseline to what target, by when, from which source, how often and who is responsible",
})
export class PerformanceMeasure {
  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid', name: 'plan_id' })
  @Field(() => ID)
  planId: string;

  @Column({ type: 'uuid', name: 'outcome_id' })
  @Field(() => ID)
  outcomeId: string;

  @Column({ type: 'text', name: 'indicator_id' })
  @Field(() => ID, { description: 'Id of an indicator of the catalogue, e.g. police.violent_crime_rate' })
  indicatorId: string;

  @Column({ type: 'text', name: 'area_id' })
  @Field(() => ID, { description: 'The area the measure is tracked for (a neighbourhood, ward or the municipality)' })
  areaId: string;

  @Column({ type: 'double precision' })
  @Field(() => Float, { description: "The indicator's value at the start, in the indicator's unit" })
  baseline: number;

  @Column({ type: 'text', name: 'baseline_period' })
  @Field({ description: 'The period the baseline describes: a period label (2023, 2023-Q4, 2023-06) or a date (2023-06-30)' })
  baselinePeriod: string;

  @Column({ type: 'double precision' })
  @Field(() => Float, { description: "The value the plan aims for by targetDate, in the indicator's unit" })
  target: number;

  @Column({ type: 'date', name: 'target_date' })
  @Field(() => LocalDateResolver)
  targetDate: string;

  @Column({ type: 'text', name: 'data_source' })
  @Field({ description: "Where the data comes from (by default the indicator's source)" })
  dataSource: string;

  @Column({ type: 'text', name: 'collection_frequency' })
  @Field(() => Granularity, { description: 'How often the data is collected for this measure' })
  collectionFrequency: Granularity;

  @Column({ type: 'text', name: 'responsible_partner' })
  @Field({ description: 'The organisation responsible for reporting the measure' })
  responsiblePartner: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}
