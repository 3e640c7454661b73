import type { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { Program } from '../entities/Program';
import { ServiceCategory } from '../entities/ServiceCategory';
import type { SocialServicesLoaders } from '../loaders/createLoaders';

@Resolver(() => Program)
export class ProgramResolver {
  @FieldResolver(() => [ServiceCategory], { description: 'Kinds of service the program offers, in alphabetical order' })
  async categories(@Root() program: Program, @Ctx() ctx: SubgraphContext<SocialServicesLoaders>): Promise<ServiceCategory[]> {
    const rows = await ctx.loaders.categoriesOfProgram.load(program.programCode);
    return rows.map((row) => row.category);
  }

  @FieldResolver(() => [ID], { description: 'Neighbourhoods the program serves, in id order' })
  async areaIds(@Root() program: Program, @Ctx() ctx: SubgraphContext<SocialServicesLoaders>): Promise<string[]> {
    const rows = await ctx.loaders.areasOfProgram.load(program.programCode);
    return rows.map((row) => row.area_id);
  }
}
