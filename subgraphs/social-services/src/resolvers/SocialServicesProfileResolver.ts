import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ProgramFilterArgs } from '../args/ProgramFilterArgs';
import { Program } from '../entities/Program';
import { SocialServicesProfile } from '../entities/SocialServicesProfile';
import type { SocialServicesLoaders } from '../loaders/createLoaders';
import { programFilter } from '../loaders/ProgramFilter';

@Resolver(() => SocialServicesProfile)
export class SocialServicesProfileResolver {
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
