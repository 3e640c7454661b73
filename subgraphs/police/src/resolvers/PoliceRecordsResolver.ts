import { REQUIRES_RECORD_PURPOSE, requiresRecordAccess } from '@cswb/contract/auth';
import { BadUserInputError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Args, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { MAX_RECORDS, RecordRangeArgs } from '../args/RecordRangeArgs';
import { OccurrenceArgs } from '../args/OccurrenceArgs';
import { CallForService } from '../entities/CallForService';
import { Occurrence } from '../entities/Occurrence';

function checkRange(args: RecordRangeArgs): void {
  if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > MAX_RECORDS) {
    throw new BadUserInputError(`limit must be from 1 to ${MAX_RECORDS}, got ${args.limit}`, 'limit');
  }
  if (args.from > args.to) throw new BadUserInputError(`from (${args.from}) is after to (${args.to})`, 'from');
}

/** Record-level police data, in the police namespace; access rules decide who may read it. */
@Resolver()
export class PoliceRecordsResolver {
  @Directive(requiresRecordAccess('police'))
  @Directive(REQUIRES_RECORD_PURPOSE)
  @Query(() => [Occurrence], { nullable: true, description: 'De-identified occurrences in a neighbourhood over a date range, oldest first' })
  async policeOccurrences(@Args(() => OccurrenceArgs) args: OccurrenceArgs, @Ctx() ctx: SubgraphContext): Promise<Occurrence[]> {
    checkRange(args);
    // Row-level rule: an analyst sees their own police service's records only.
    if (!ctx.caller.agency) return [];
    const query = ctx.db
      .getRepository(Occurrence)
      .createQueryBuilder('o')
      .where('o.agency_id = :agency AND o.area_id = :areaId AND o.occurred_on BETWEEN :from AND :to', { ...args, agency: ctx.caller.agency })
      .orderBy('o.occurred_on')
      .addOrderBy('o.occurrence_number')
      .limit(args.limit);
    if (args.category) query.andWhere('o.category = :category', { category: args.category });
    return query.getMany();
  }

  @Directive(requiresRecordAccess('police'))
  @Directive(REQUIRES_RECORD_PURPOSE)
  @Query(() => [CallForService], { nullable: true, description: 'Calls for service in a neighbourhood over a date range, oldest first' })
  async policeCallsForService(@Args(() => RecordRangeArgs) args: RecordRangeArgs, @Ctx() ctx: SubgraphContext): Promise<CallForService[]> {
    checkRange(args);
    if (!ctx.caller.agency) return [];
    return ctx.db
      .getRepository(CallForService)
      .createQueryBuilder('c')
      .where('c.agency_id = :agency AND c.area_id = :areaId AND c.received_on BETWEEN :from AND :to', { ...args, agency: ctx.caller.agency })
      .orderBy('c.received_on')
      .addOrderBy('c.call_number')
      .limit(args.limit)
      .getMany();
  }
}
