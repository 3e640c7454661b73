import type { SubgraphDefinition } from '../server/SubgraphDefinition';
import type { IndicatorDefinition } from './IndicatorDefinition';

/** The catalogue file `npm run compose` writes into the subgraph that serves it. */
export const INDICATOR_CATALOGUE_FILE = 'generated/indicator-catalogue.json';

export class CatalogueError extends Error {
  constructor(readonly problems: string[]) {
    super(`indicator catalogue is inconsistent:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CatalogueError';
  }
}

/**
 * Every sector's published indicators, in sector then declaration order. Ids must be unique
 * and carry their sector's name as prefix, so an id alone says who owns the data.
 */
export function buildIndicatorCatalogue(definitions: readonly Pick<SubgraphDefinition<unknown>, 'name' | 'indicators'>[]): IndicatorDefinition[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const catalogue: IndicatorDefinition[] = [];
  for (const subgraph of [...definitions].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const { definition } of subgraph.indicators ?? []) {
      if (seen.has(definition.id)) problems.push(`${definition.id} is declared twice`);
      if (!definition.id.startsWith(`${subgraph.name}.`)) problems.push(`${definition.id} (in ${subgraph.name}) must start with "${subgraph.name}."`);
      if (definition.sector !== subgraph.name) problems.push(`${definition.id} says sector "${definition.sector}" but ${subgraph.name} declares it`);
      seen.add(definition.id);
      catalogue.push({ ...definition });
    }
  }
  if (problems.length > 0) throw new CatalogueError(problems);
  return catalogue;
}
