import type { ReadingReference } from '@cswb/subgraph-kit/readings';
import type { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PerformanceMeasure } from '../entities/PerformanceMeasure';
import type { PlanningLoaders } from '../loaders/createLoaders';
import { readingReference, readings } from '../readings';

@Resolver(() => PerformanceMeasure)
export class PerformanceMeasureReadingResolver {
  @FieldResolver(() => readings().union, {
    nullable: true,
    description:
      "The indicator's current value, trend and progress against baseline and target, read by the sector that owns the data under the caller's access rules: select `... on IndicatorReading { current { value } trend progress }`",
  })
  reading(@Root() measure: PerformanceMeasure, @Ctx() ctx: SubgraphContext<PlanningLoaders>): Promise<ReadingReference | null> {
    return readingReference(measure, ctx);
  }
}
