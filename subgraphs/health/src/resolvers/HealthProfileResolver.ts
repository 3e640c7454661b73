import { IndicatorArgs, IndicatorSeries, resolveIndicators, SubgraphContext } from '@cswb/shared';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { checkMonthRange, HealthMonthRangeArgs } from '../args/HealthMonthRangeArgs';
import { HealthAgeGroupCount } from '../entities/HealthAgeGroupCount';
import { HealthProfile } from '../entities/HealthProfile';
import { HEALTH_INDICATORS } from '../indicators';
import type { HealthLoaders } from '../loaders/createLoaders';

@Resolver(() => HealthProfile)
export class HealthProfileResolver {
  @FieldResolver(() => [IndicatorSeries], {
    description: 'Health indicators for the area, one series per indicator over the requested periods',
  })
  indicators(
    @Root() profile: HealthProfile,
    @Args(() => IndicatorArgs) args: IndicatorArgs,
    @Ctx() ctx: SubgraphContext<HealthLoaders>,
  ): Promise<IndicatorSeries[]> {
    return resolveIndicators(HEALTH_INDICATORS, profile, args, ctx.loaders.measures);
  }

  @FieldResolver(() => [HealthAgeGroupCount], {
    description: 'Emergency department visits of residents over the range, one total per age group, youngest first',
  })
  edVisitsByAgeGroup(
    @Root() profile: HealthProfile,
    @Args(() => HealthMonthRangeArgs) args: HealthMonthRangeArgs,
    @Ctx() ctx: SubgraphContext<HealthLoaders>,
  ): Promise<HealthAgeGroupCount[]> {
    checkMonthRange(args);
    return ctx.loaders.edVisitsByAgeGroup({ from: args.from, to: args.to, reason: args.reason ?? null }).load(profile);
  }
}
