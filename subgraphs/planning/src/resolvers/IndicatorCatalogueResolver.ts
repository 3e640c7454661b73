import { NotFoundError } from '@cswb/contract/errors';
import { FrameworkArea, IndicatorDefinition } from '@cswb/subgraph-kit/vocabulary';
import { Arg, ID, Query, Resolver } from 'type-graphql';
import { findIndicator, selectIndicators } from '../catalogue/indicatorCatalogue';

@Resolver()
export class IndicatorCatalogueResolver {
  @Query(() => [IndicatorDefinition], {
    description:
      "Every indicator the hub's sectors publish. Its data is on each area's sector profile: `area { <sector> { indicators(ids: [id]) } }`.",
  })
  indicatorCatalogue(
    @Arg('sector', () => String, { nullable: true, description: 'Only this sector (subgraph name)' }) sector?: string | null,
    @Arg('frameworkArea', () => FrameworkArea, { nullable: true }) frameworkArea?: FrameworkArea | null,
  ): IndicatorDefinition[] {
    return selectIndicators(sector, frameworkArea);
  }

  @Query(() => IndicatorDefinition, { nullable: true, description: 'One indicator by id; null with NOT_FOUND when unknown' })
  indicator(@Arg('id', () => ID) id: string): IndicatorDefinition {
    const found = findIndicator(id);
    if (!found) throw new NotFoundError('Indicator', id);
    return found;
  }
}
