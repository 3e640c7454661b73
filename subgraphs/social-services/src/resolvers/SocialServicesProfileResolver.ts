import { resolveIndicators } from '@cswb/subgraph-kit/profiles';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { IndicatorArgs, IndicatorSeries } from '@cswb/subgraph-kit/vocabulary';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ProgramFilterArgs } from '../args/ProgramFilterArgs';
import { Program } from '../entities/Program';
import { SocialServicesProfile } from '../entities/SocialServicesProfile';
import { SOCIAL_SERVICES_INDICATORS } from '../indicators';
import type { SocialServicesLoaders } from '../loaders/createLoaders';
import { programFilter } from '../loaders/ProgramFilter';

@Resolver(() => SocialServicesProfile)
export class SocialServicesProfileResolver {
  @FieldResolver(() => [IndicatorSeries], {
    description: 'Social services indicators for the area, one series per indicator over the requested periods',
  })
  indicators(
    @Root() profile: SocialServicesProfile,
    @Args(() => IndicatorArgs) args: IndicatorArgs,
    @Ctx() ctx: SubgraphContext<SocialServicesLoaders>,
  ): Promise<IndicatorSeries[]> {
    return resolveIndicators(SOCIAL_SERVICES_INDICATORS, profile, args, ctx.loaders.measures, ctx.caller, ctx);
  }

  @FieldResolver(() => [Program], {
    description: "Community programs serving any of the area's neighbourhoods, each once, in program code order",
  })
  async services(
    @Root() profile: SocialServicesProfile,
    @Args(() => ProgramFilterArgs) args: ProgramFilterArgs,
    @Ctx() ctx: SubgraphContext<SocialServicesLoaders>,
  ): Promise<Program[]> {
    const listed = await ctx.loaders.servicesForArea(programFilter(args)).load(profile);
    return listed.map((entry) => entry.program);
  }
}
