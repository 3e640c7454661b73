import { resolveIndicators } from '@cswb/subgraph-kit/profiles';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { IndicatorArgs, IndicatorSeries } from '@cswb/subgraph-kit/vocabulary';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { SituationTableProfile } from '../entities/SituationTableProfile';
import { SITUATION_TABLE_INDICATORS } from '../indicators';
import type { SituationTableLoaders } from '../loaders/createLoaders';

@Resolver(() => SituationTableProfile)
export class SituationTableProfileResolver {
  @FieldResolver(() => [IndicatorSeries], {
    description: 'Situation Table indicators for the area, one series per indicator over the requested periods',
  })
  indicators(
    @Root() profile: SituationTableProfile,
    @Args(() => IndicatorArgs) args: IndicatorArgs,
    @Ctx() ctx: SubgraphContext<SituationTableLoaders>,
  ): Promise<IndicatorSeries[]> {
    return resolveIndicators(SITUATION_TABLE_INDICATORS, profile, args, ctx.loaders.measures, ctx.caller, ctx);
  }
}
