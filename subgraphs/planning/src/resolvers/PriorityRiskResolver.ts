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

  @FieldResolver(() => [ID], {
    description: "Ids of the neighbourhoods the risk's areas cover: other subgraphs match their own data against them",
  })
  async neighbourhoodIds(@Root() risk: PriorityRisk, @Ctx() ctx: Context): Promise<string[]> {
    const covered = await ctx.loaders.neighbourhoodsUnder.loadMany(await this.areaIds(risk, ctx));
    return [...new Set(covered.flatMap((rows) => (rows instanceof Error ? [] : rows.map((row) => row.neighbourhood_id))))].sort();
  }

  @FieldResolver(() => [Area], { description: 'The areas where the risk is a priority' })
  async areas(@Root() risk: PriorityRisk, @Ctx() ctx: Context): Promise<Area[]> {
    const ids = await this.areaIds(risk, ctx);
    return (await ctx.loaders.areaById.loadMany(ids)).filter((area): area is Area => area instanceof Area);
  }
}

/** Other subgraphs (social services' asset map) extend a priority risk by id. */
export function resolvePriorityRiskReference(reference: { id: string }, ctx: Context): Promise<PriorityRisk | null> {
  return ctx.loaders.plans.riskById.load(reference.id);
}
