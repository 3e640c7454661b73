import { resolveIndicators } from '@cswb/subgraph-kit/profiles';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { IndicatorArgs, IndicatorSeries } from '@cswb/subgraph-kit/vocabulary';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PoliceProfile } from '../entities/PoliceProfile';
import { POLICE_INDICATORS } from '../indicators';
import type { PoliceLoaders } from '../loaders/createLoaders';

@Resolver(() => PoliceProfile)
export class PoliceProfileResolver {
  @FieldResolver(() => [IndicatorSeries], {
    description: 'Police indicators for the area, one series per indicator over the requested periods',
  })
  indicators(
    @Root() profile: PoliceProfile,
    @Args(() => IndicatorArgs) args: IndicatorArgs,
    @Ctx() ctx: SubgraphContext<PoliceLoaders>,
  ): Promise<IndicatorSeries[]> {
    return resolveIndicators(POLICE_INDICATORS, profile, args, ctx.loaders.measures, ctx.caller, ctx);
  }
}
