import * as fs from 'node:fs';
import * as path from 'node:path';
import { CatalogueError, FrameworkArea, INDICATOR_CATALOGUE_FILE, IndicatorDefinition } from '@cswb/subgraph-kit/vocabulary';

export const CATALOGUE_PATH = path.resolve(__dirname, '..', '..', INDICATOR_CATALOGUE_FILE);

let catalogue: IndicatorDefinition[] | undefined;

/** The indicators of a catalogue file; throws a CatalogueError unless each has an id and a sector, and no id repeats. */
export function parseIndicatorCatalogue(text: string): IndicatorDefinition[] {
  const file = JSON.parse(text) as { indicators?: unknown };
  if (!Array.isArray(file.indicators)) throw new CatalogueError(['the file has no "indicators" list']);
  const indicators = file.indicators as IndicatorDefinition[];
  const problems: string[] = [];
  const seen = new Set<string>();
  indicators.forEach((indicator, index) => {
    if (typeof indicator?.id !== 'string' || typeof indicator.sector !== 'string') problems.push(`indicator ${index} has no id or no sector`);
    else if (seen.has(indicator.id)) problems.push(`${indicator.id} is listed twice`);
    else seen.add(indicator.id);
  });
  if (problems.length > 0) throw new CatalogueError(problems);
  return indicators;
}

/** The catalogue composed from every sector's declarations (`npm run compose`), read once. */
export function indicatorCatalogue(): IndicatorDefinition[] {
  catalogue ??= parseIndicatorCatalogue(fs.readFileSync(CATALOGUE_PATH, 'utf8'));
  return catalogue;
}

/** The catalogue entry of an indicator, if the catalogue lists it. */
export function findIndicator(id: string): IndicatorDefinition | undefined {
  return indicatorCatalogue().find((indicator) => indicator.id === id);
}

/** The catalogue's indicators, of one sector and one framework area when given. */
export function selectIndicators(sector?: string | null, frameworkArea?: FrameworkArea | null): IndicatorDefinition[] {
  return indicatorCatalogue().filter((i) => (!sector || i.sector === sector) && (!frameworkArea || i.frameworkArea === frameworkArea));
}

/** The sectors that publish indicators, each once. */
export function catalogueSectors(): string[] {
  return [...new Set(indicatorCatalogue().map((indicator) => indicator.sector))];
}
