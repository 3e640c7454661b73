import { requiresRecordAccess } from '@cswb/contract/auth';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Args, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { checkEdVisitArgs, HealthEdVisitArgs } from '../args/HealthEdVisitArgs';
import { HealthAgeGroup } from '../entities/HealthAgeGroup';
import { HealthEdVisitCount } from '../entities/HealthEdVisitCount';
import { HealthVisitReason } from '../entities/HealthVisitReason';
import type { HealthLoaders } from '../loaders/createLoaders';

/** Orders a text column by the declaration order of an enum (whose values are fixed literals, not input). */
function enumOrder(column: string, values: readonly string[]): string {
  return `array_position(ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[], ${column})`;
}

const REASON_ORDER = enumOrder('v.reason', Object.values(HealthVisitReason));
const AGE_GROUP_ORDER = enumOrder('v.age_group', Object.values(HealthAgeGroup));

/** The shared aggregate tables, in the health namespace: monthly counts by reason, age group and sex. */
@Resolver()
export class HealthEdVisitResolver {
  @Directive(requiresRecordAccess('health'))
  @Query(() => [HealthEdVisitCount], { nullable: true,
    description:
      'Monthly emergency department visit counts of a neighbourhood over a range of months, by month, reason, age group and sex. ' +
      'Cells that counted zero are not listed.',
  })
  async healthEdVisits(@Args(() => HealthEdVisitArgs) args: HealthEdVisitArgs, @Ctx() ctx: SubgraphContext<HealthLoaders>): Promise<HealthEdVisitCount[]> {
    checkEdVisitArgs(args);
    const query = ctx.db
      .getRepository(HealthEdVisitCount)
      .createQueryBuilder('v')
      .where(`v.area_id = :areaId AND v.month BETWEEN date_trunc('month', CAST(:from AS date))::date AND CAST(:to AS date)`, args)
      .orderBy('v.month')
      .addOrderBy(REASON_ORDER)
      .addOrderBy(AGE_GROUP_ORDER)
      .addOrderBy('v.sex')
      .limit(args.limit);
    if (args.reason) query.andWhere('v.reason = :reason', { reason: args.reason });
    return query.getMany();
  }
}
