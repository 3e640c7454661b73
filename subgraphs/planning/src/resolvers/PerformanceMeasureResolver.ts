import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { IndicatorDefinition } from '@cswb/subgraph-kit/vocabulary';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { findIndicator } from '../catalogue/indicatorCatalogue';
import { Area } from '../entities/Area';
import { Outcome } from '../entities/Outcome';
import { PerformanceMeasure } from '../entities/PerformanceMeasure';
import type { PlanningLoaders } from '../loaders/createLoaders';

type Context = SubgraphContext<PlanningLoaders>;

@Resolver(() => PerformanceMeasure)
export class PerformanceMeasureResolver {
  @FieldResolver(() => IndicatorDefinition, { nullable: true, description: 'The catalogue entry of the indicator (null if the catalogue no longer lists it)' })
  indicator(@Root() measure: PerformanceMeasure): IndicatorDefinition | null {
    return findIndicator(measure.indicatorId) ?? null;
  }

  @FieldResolver(() => Area, { description: 'The area the measure is tracked for' })
  async area(@Root() measure: PerformanceMeasure, @Ctx() ctx: Context): Promise<Area | null> {
    return ctx.loaders.areaById.load(measure.areaId);
  }

  @FieldResolver(() => Outcome, { description: 'The outcome it measures' })
  async outcome(@Root() measure: PerformanceMeasure, @Ctx() ctx: Context): Promise<Outcome | null> {
    return ctx.loaders.plans.outcomeById.load(measure.outcomeId);
  }
}
