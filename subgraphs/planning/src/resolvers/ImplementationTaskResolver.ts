import type { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ImplementationTask } from '../entities/ImplementationTask';
import { Strategy } from '../entities/Strategy';
import type { PlanningLoaders } from '../loaders/createLoaders';

type Context = SubgraphContext<PlanningLoaders>;

@Resolver(() => ImplementationTask)
export class ImplementationTaskResolver {
  @FieldResolver(() => Strategy, { nullable: true, description: 'The strategy it carries out, if any' })
  async strategy(@Root() task: ImplementationTask, @Ctx() ctx: Context): Promise<Strategy | null> {
    return task.strategyId ? ctx.loaders.plans.strategyById.load(task.strategyId) : null;
  }
}
