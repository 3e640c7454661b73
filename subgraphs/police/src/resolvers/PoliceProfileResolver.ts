import { buildIndicatorSeries, IndicatorArgs, IndicatorSeries, periodsBetween, selectIndicators, SubgraphContext } from '@cswb/shared';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PoliceProfile } from '../entities/PoliceProfile';
import { POLICE_INDICATORS } from '../indicators';
import type { PoliceLoaders } from '../loaders/createLoaders';

@Resolver(() => PoliceProfile)
export class PoliceProfileResolver {
  @FieldResolver(() => [IndicatorSeries], {
    description: 'Police indicators for the area, one series per indicator over the requested periods',
  })
  async indicators(
    @Root() profile: PoliceProfile,
    @Args(() => IndicatorArgs) args: IndicatorArgs,
    @Ctx() ctx: SubgraphContext<PoliceLoaders>,
  ): Promise<IndicatorSeries[]> {
    const periods = periodsBetween(args.from, args.to, args.granularity);
    const specs = selectIndicators(POLICE_INDICATORS, args);
    if (specs.length === 0) return [];
    const counts = await ctx.loaders
      .measureCounts({ from: args.from, to: args.to, granularity: args.granularity })
      .load({ areaId: profile.areaId, neighbourhoodIds: profile.neighbourhoodIds });
    return buildIndicatorSeries(specs, profile.areaId, profile.population, periods, counts);
  }
}
