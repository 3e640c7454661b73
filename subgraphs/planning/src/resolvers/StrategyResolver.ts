import type { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { ImplementationTask } from '../entities/ImplementationTask';
import { Outcome } from '../entities/Outcome';
import { PriorityRisk } from '../entities/PriorityRisk';
import { Strategy } from '../entities/Strategy';
import type { PlanningLoaders } from '../loaders/createLoaders';

type Context = SubgraphContext<PlanningLoaders>;

@Resolver(() => Strategy)
export class StrategyResolver {
  @FieldResolver(() => [ID], { description: 'Ids of the priority risks it addresses, by rank' })
  async priorityRiskIds(@Root() strategy: Strategy, @Ctx() ctx: Context): Promise<string[]> {
    return (await ctx.loaders.plans.riskLinksByStrategy.load(strategy.id)).map((link) => link.priorityRiskId);
  }

  @FieldResolver(() => [PriorityRisk], { description: 'The priority risks it addresses, by rank' })
  async priorityRisks(@Root() strategy: Strategy, @Ctx() ctx: Context): Promise<PriorityRisk[]> {
    const risks = await ctx.loaders.plans.riskById.loadMany(await this.priorityRiskIds(strategy, ctx));
    return risks.filter((risk): risk is PriorityRisk => risk instanceof PriorityRisk);
  }

  @FieldResolver(() => [Outcome], { description: 'Its outcomes in the logic model, immediate first' })
  outcomes(@Root() strategy: Strategy, @Ctx() ctx: Context): Promise<Outcome[]> {
    return ctx.loaders.plans.outcomesByStrategy.load(strategy.id);
  }

  @FieldResolver(() => [ImplementationTask], { description: 'Implementation tasks that carry it out' })
  tasks(@Root() strategy: Strategy, @Ctx() ctx: Context): Promise<ImplementationTask[]> {
    return ctx.loaders.plans.tasksByStrategy.load(strategy.id);
  }
}
