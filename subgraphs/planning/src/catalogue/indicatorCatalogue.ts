import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CatalogueError,
  FrameworkArea,
  INDICATOR_CATALOGUE_FILE,
  IndicatorDefinition,
  indicatorTextProblems,
  localizedTextProblems,
  type SectorLabel,
} from '@cswb/subgraph-kit/vocabulary';

export const CATALOGUE_PATH = path.resolve(__dirname, '..', '..', INDICATOR_CATALOGUE_FILE);

let file: { indicators: IndicatorDefinition[]; sectors: SectorLabel[] } | undefined;

/** The composed file, read and checked whole on first use (when the schema is built, so a bad file stops start-up). */
function catalogueFile(): { indicators: IndicatorDefinition[]; sectors: SectorLabel[] } {
  if (!file) {
    const text = fs.readFileSync(CATALOGUE_PATH, 'utf8');
    file = { indicators: parseIndicatorCatalogue(text), sectors: parseSectorLabels(text) };
  }
  return file;
}

/**
 * The indicators of a catalogue file; throws a CatalogueError unless each has an id and a sector,
 * no id repeats, and every text is there in English and French.
 */
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
  problems.push(...indicatorTextProblems(indicators.filter((indicator) => typeof indicator?.id === 'string')));
  if (problems.length > 0) throw new CatalogueError(problems);
  return indicators;
}

/** The sectors of a catalogue file with their labels; throws a CatalogueError unless each has a name and its label in every language. */
export function parseSectorLabels(text: string): SectorLabel[] {
  const file = JSON.parse(text) as { sectors?: unknown };
  if (!Array.isArray(file.sectors)) throw new CatalogueError(['the file has no "sectors" list']);
  const list = file.sectors as SectorLabel[];
  const problems = list.flatMap((sector, index) =>
    typeof sector?.name !== 'string' ? [`sector ${index} has no name`] : localizedTextProblems(sector.label, `sector ${sector.name}'s label`),
  );
  if (problems.length > 0) throw new CatalogueError(problems);
  return list;
}

/** The catalogue composed from every sector's declarations (`npm run compose`), read once. */
export function indicatorCatalogue(): IndicatorDefinition[] {
  return catalogueFile().indicators;
}

/** Every subgraph of the hub with its display name, from the same composed file. */
export function sectorLabels(): SectorLabel[] {
  return catalogueFile().sectors;
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
