import { NotFoundError } from '@cswb/contract/errors';
import type { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { Area } from '../entities/Area';
import { PriorityRisk } from '../entities/PriorityRisk';
import type { PlanningLoaders } from '../loaders/createLoaders';
import { UUID, visiblePlan } from '../plans/access';

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

/**
 * Other subgraphs (social services' asset map) extend a priority risk by id: only a risk of a plan
 * the caller may read from the root fields; any other is null with NOT_FOUND, nothing of it served.
 */
export async function resolvePriorityRiskReference(reference: { id?: unknown }, ctx: Context): Promise<PriorityRisk> {
  const id = reference?.id;
  const risk = typeof id === 'string' && UUID.test(id) ? await ctx.loaders.plans.riskById.load(id) : null;
  if (!risk) throw new NotFoundError('PlanPriorityRisk', String(id).slice(0, 200));
  await visiblePlan(risk.planId, ctx, { typeName: 'PlanPriorityRisk', id: risk.id });
  return risk;
}
