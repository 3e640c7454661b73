import type { SubgraphDefinition } from '../server/SubgraphDefinition';
import type { IndicatorDefinition } from './IndicatorDefinition';
import { indicatorTextProblems } from './IndicatorDefinitionResolver';
import { localizedTextProblems, type LocalizedText } from './LocalizedText';

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
 * and carry their sector's name as prefix, so an id alone says who owns the data; every text
 * must be there in English and French.
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
  problems.push(...indicatorTextProblems(catalogue));
  if (problems.length > 0) throw new CatalogueError(problems);
  return catalogue;
}

/** A subgraph's name and display name, as the catalogue file lists them for the planning subgraph's `sectors`. */
export interface SectorLabel {
  name: string;
  label: LocalizedText;
}

/** Every subgraph's display name, by name; each must be there in English and French. */
export function buildSectorLabels(definitions: readonly Pick<SubgraphDefinition<unknown>, 'name' | 'label'>[]): SectorLabel[] {
  const sorted = [...definitions].sort((a, b) => a.name.localeCompare(b.name));
  const problems = sorted.flatMap((definition) => localizedTextProblems(definition.label, `subgraph ${definition.name}'s label`));
  if (problems.length > 0) throw new CatalogueError(problems);
  return sorted.map(({ name, label }) => ({ name, label: { ...label } }));
}
