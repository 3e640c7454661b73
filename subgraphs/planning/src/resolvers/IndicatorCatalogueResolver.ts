import * as fs from 'node:fs';
import * as path from 'node:path';
import { NotFoundError } from '@cswb/contract/errors';
import { FrameworkArea, INDICATOR_CATALOGUE_FILE, IndicatorDefinition } from '@cswb/subgraph-kit/vocabulary';
import { Arg, ID, Query, Resolver } from 'type-graphql';

export const CATALOGUE_PATH = path.resolve(__dirname, '..', '..', INDICATOR_CATALOGUE_FILE);

let catalogue: IndicatorDefinition[] | undefined;

/** The catalogue composed from every sector's declarations (`npm run compose`), read once. */
export function indicatorCatalogue(): IndicatorDefinition[] {
  if (!catalogue) {
    const file = JSON.parse(fs.readFileSync(CATALOGUE_PATH, 'utf8')) as { indicators: IndicatorDefinition[] };
    catalogue = file.indicators;
  }
  return catalogue;
}

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
    return indicatorCatalogue().filter((i) => (!sector || i.sector === sector) && (!frameworkArea || i.frameworkArea === frameworkArea));
  }

  @Query(() => IndicatorDefinition, { nullable: true, description: 'One indicator by id; null with NOT_FOUND when unknown' })
  indicator(@Arg('id', () => ID) id: string): IndicatorDefinition {
    const found = indicatorCatalogue().find((i) => i.id === id);
    if (!found) throw new NotFoundError('Indicator', id);
    return found;
  }
}
