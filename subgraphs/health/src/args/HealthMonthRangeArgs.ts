import { BadUserInputError } from '@cswb/contract/errors';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field } from 'type-graphql';
import { HealthVisitReason } from '../entities/HealthVisitReason';

/** A range of months: the shared tables hold whole months, so a month counts when any of its days is in range. */
@ArgsType()
export class HealthMonthRangeArgs {
  @Field(() => LocalDateResolver, { description: 'First day (inclusive); the whole month containing it is counted' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day (inclusive); the whole month containing it is counted' })
  to: string;

  @Field(() => HealthVisitReason, { nullable: true, description: 'Only this reason; every reason when omitted' })
  reason?: HealthVisitReason | null;
}

export function checkMonthRange(args: { from: string; to: string }): void {
  if (args.from > args.to) throw new BadUserInputError(`from (${args.from}) is after to (${args.to})`, 'from');
}
