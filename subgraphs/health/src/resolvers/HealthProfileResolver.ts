import { REQUIRES_AGGREGATES } from '@cswb/contract/auth';
import { publishBreakdownCount, suppressionThresholdOf } from '@cswb/subgraph-kit/privacy';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { checkMonthRange, HealthMonthRangeArgs } from '../args/HealthMonthRangeArgs';
import { HealthAgeGroupCount } from '../entities/HealthAgeGroupCount';
import { HealthProfile } from '../entities/HealthProfile';
import { HEALTH_INDICATORS } from '../indicators';
import type { HealthLoaders } from '../loaders/createLoaders';

@Resolver(() => HealthProfile)
export class HealthProfileResolver {
  @Directive(REQUIRES_AGGREGATES)
  @FieldResolver(() => [HealthAgeGroupCount], {
    description: 'Emergency department visits of residents over the range, one total per age group, youngest first',
  })
  async edVisitsByAgeGroup(
    @Root() profile: HealthProfile,
    @Args(() => HealthMonthRangeArgs) args: HealthMonthRangeArgs,
    @Ctx() ctx: SubgraphContext<HealthLoaders>,
  ): Promise<HealthAgeGroupCount[]> {
    checkMonthRange(args);
    const reason = args.reason ?? null;
    const counts = await ctx.loaders.edVisitsByAgeGroup({ from: args.from, to: args.to, reason }).load(profile);
    // A small area is shown by whole calendar years only, as its indicators are.
    const wholeYears = args.from.slice(5, 7) === '01' && args.to.slice(5, 7) === '12';
    const threshold = suppressionThresholdOf(HEALTH_INDICATORS, reason ? `ed_visits.${reason}` : null);
    return counts.map(({ ageGroup, visits, firstMonth, lastMonth }) => {
      // The cell is what it counts: the months holding its visits (not the range asked for, so
      // widening a range over empty months cannot draw a fresh rounding), reason, age group.
      const identity = [firstMonth, lastMonth, reason ?? 'ALL', ageGroup];
      const cell = { sector: 'health', measure: 'ed_visits_by_age_group', identity, threshold };
      const published = publishBreakdownCount(visits, cell, ctx.caller, profile, !wholeYears);
      return { ageGroup, visits: published.value, suppressed: published.suppressed, suppressionReason: published.suppressionReason };
    });
  }
}
