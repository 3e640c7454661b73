import type { SubgraphContext } from '@cswb/shared';
import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { Area } from '../entities/Area';
import { PriorityRisk } from '../entities/PriorityRisk';
import type { PlanningLoaders } from '../loaders/createLoaders';

type Context = SubgraphContext<PlanningLoaders>;

@Resolver(() => PriorityRisk)
export class PriorityRiskResolver {
  @FieldResolver(() => [ID], { description: 'Ids of the areas where the risk is a priority' })
  async areaIds(@Root() risk: PriorityRisk, @Ctx() ctx: Context): Promise<string[]> {
    return (await ctx.loaders.plans.areaIdsByRisk.load(risk.id)).map((row) => row.areaId);
  }

  @FieldResolver(() => [Area], { description: 'The areas where the risk is a priority' })
  async areas(@Root() risk: PriorityRisk, @Ctx() ctx: Context): Promise<Area[]> {
    const ids = await this.areaIds(risk, ctx);
    return (await ctx.loaders.areaById.loadMany(ids)).filter((area): area is Area => area instanceof Area);
  }
}
