import type { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Outcome } from '../entities/Outcome';
import { PerformanceMeasure } from '../entities/PerformanceMeasure';
import { Strategy } from '../entities/Strategy';
import type { PlanningLoaders } from '../loaders/createLoaders';

type Context = SubgraphContext<PlanningLoaders>;

@Resolver(() => Outcome)
export class OutcomeResolver {
  @FieldResolver(() => Strategy, { description: 'The strategy expected to bring it about' })
  async strategy(@Root() outcome: Outcome, @Ctx() ctx: Context): Promise<Strategy | null> {
    return ctx.loaders.plans.strategyById.load(outcome.strategyId);
  }

  @FieldResolver(() => [PerformanceMeasure], { description: 'How it is measured' })
  measures(@Root() outcome: Outcome, @Ctx() ctx: Context): Promise<PerformanceMeasure[]> {
    return ctx.loaders.plans.measuresByOutcome.load(outcome.id);
  }
}
