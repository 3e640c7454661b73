import { Field, ID, InterfaceType } from 'type-graphql';
import { Observation } from '../vocabulary/Observation';
import { ProgressStatus } from './ProgressStatus';
import { TrendDirection } from './TrendDirection';

/**
 * A performance measure's indicator as its owning sector reads it: the sector resolves the
 * values, under the caller's access rules and disclosure control; the plan supplies the
 * baseline and target (docs/plans.md).
 */
@InterfaceType({ description: "A performance measure's indicator, read by the sector that owns the data" })
export abstract class IndicatorReading {
  @Field(() => ID, { description: 'The performance measure this reading is for' })
  measureId: string;

  @Field(() => [Observation], { description: 'Yearly values from the baseline year to the latest published year' })
  series: Observation[];

  @Field(() => Observation, { nullable: true, description: 'The latest published value' })
  current: Observation | null;

  @Field(() => ProgressStatus)
  progress: ProgressStatus;

  @Field(() => TrendDirection)
  trend: TrendDirection;
}
