import { REQUIRES_AGGREGATES } from '@cswb/contract/auth';
import { isSubannualBreakdown, publishBreakdownCount, seesExactValues, smallestPublishedOf } from '@cswb/subgraph-kit/privacy';
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
    description:
      'Emergency department visits of residents over the range, one total per age group, youngest first. Perturbed counts ' +
      '(callers without records:read:health) are published for one calendar month, quarter or year at a time, a single ' +
      "neighbourhood's by year only (docs/privacy.md)",
  })
  async edVisitsByAgeGroup(
    @Root() profile: HealthProfile,
    @Args(() => HealthMonthRangeArgs) args: HealthMonthRangeArgs,
    @Ctx() ctx: SubgraphContext<HealthLoaders>,
  ): Promise<HealthAgeGroupCount[]> {
    checkMonthRange(args);
    const reason = args.reason ?? null;
    const subannual = isSubannualBreakdown(seesExactValues(ctx.caller, 'health', profile.rowOwners), args.from, args.to);
    const counts = await ctx.loaders.edVisitsByAgeGroup({ from: args.from, to: args.to, reason }).load(profile);
    const smallestPublished = smallestPublishedOf(HEALTH_INDICATORS, reason ? `ed_visits.${reason}` : null);
    return counts.map(({ ageGroup, visits, keySum }) => {
      const published = publishBreakdownCount(visits, { sector: 'health', keySum, smallestPublished }, ctx.caller, profile, subannual);
      return { ageGroup, visits: published.value, perturbed: published.perturbed, suppressed: published.suppressed, suppressionReason: published.suppressionReason };
    });
  }
}
