import { BadUserInputError } from '@cswb/contract/errors';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { HealthVisitReason } from '../entities/HealthVisitReason';
import { checkMonthRange } from './HealthMonthRangeArgs';

export const MAX_ROWS = 1000;

@ArgsType()
export class HealthEdVisitArgs {
  @Field(() => ID, { description: 'Neighbourhood id' })
  areaId: string;

  @Field(() => LocalDateResolver, { description: 'First day (inclusive); the whole month containing it is counted' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day (inclusive); the whole month containing it is counted' })
  to: string;

  @Field(() => HealthVisitReason, { nullable: true, description: 'Only this reason; every reason when omitted' })
  reason?: HealthVisitReason | null;

  @Field(() => Int, { defaultValue: 100, description: `Most rows returned, 1 to ${MAX_ROWS}` })
  limit: number;
}

export function checkEdVisitArgs(args: HealthEdVisitArgs): void {
  if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > MAX_ROWS) {
    throw new BadUserInputError(`limit must be from 1 to ${MAX_ROWS}, got ${args.limit}`, 'limit');
  }
  checkMonthRange(args);
}
