import { SECTOR_FIELDS, type SectorField } from '../../api/sectors';
import { DEFAULT_YEARS } from '../../api/years';
import type { ApiError } from '../../api/client';
import type { Disclosure } from '../../components/Figure';
import type { FrameworkArea } from '../../gql/graphql';

export { SECTOR_FIELDS, type SectorField };

export const FRAMEWORK_ORDER: FrameworkArea[] = ['SOCIAL_DEVELOPMENT', 'PREVENTION', 'RISK_INTERVENTION', 'INCIDENT_RESPONSE'];

/** Codes with which the hub says a field is not for the viewer's role. */
const DENIED_CODES = new Set(['UNAUTHORIZED_FIELD_OR_TYPE', 'FORBIDDEN']);

export interface ObservationData {
  period: { label: string };
  value: number | null;
  /** Asked for by the profile only (the compare document keeps within MAX_FIELDS). */
  denominator?: number | null;
  perturbed: boolean;
  suppressed: boolean;
  suppressionReason: string | null;
}

interface SeriesData {
  indicator: { id: string };
  observations: ObservationData[];
}

export type AreaSectors = { [F in SectorField]?: { indicators: SeriesData[] } | null };

export interface CatalogueEntry {
  id: string;
  name: string;
  sector: string;
  frameworkArea: FrameworkArea;
  unit: string;
  unitCode: string;
  definition?: string;
  source?: string;
}

/** One figure of one indicator, area and year: a Disclosure, or not shown to the viewer's role. */
export interface Cell extends Disclosure {
  denied?: boolean;
}

/** Every observation of one area, by indicator id then year. */
export interface AreaValues {
  byIndicator: Map<string, Map<string, ObservationData>>;
  denied: Set<SectorField>;
}

function startsWith(path: ReadonlyArray<string | number>, prefix: ReadonlyArray<string | number>): boolean {
  return prefix.every((part, index) => path[index] === part);
}

/**
 * The values of one area of the response at `path` (e.g. ['area', 'parent']), and the sectors the
 * hub refused there (their fields are null with an UNAUTHORIZED_FIELD_OR_TYPE or FORBIDDEN error).
 */
export function areaValues(area: AreaSectors | null | undefined, errors: ApiError[], path: string[]): AreaValues {
  const denied = new Set<SectorField>();
  for (const error of errors) {
    if (!error.path || !DENIED_CODES.has(String(error.extensions?.code))) continue;
    if (startsWith(error.path, path) && error.path.length > path.length) denied.add(error.path[path.length] as SectorField);
    else if (startsWith(path, error.path)) for (const field of Object.values(SECTOR_FIELDS)) denied.add(field);
  }
  const byIndicator = new Map<string, Map<string, ObservationData>>();
  for (const field of Object.values(SECTOR_FIELDS)) {
    for (const series of area?.[field]?.indicators ?? []) {
      byIndicator.set(series.indicator.id, new Map(series.observations.map((o) => [o.period.label, o])));
    }
  }
  return { byIndicator, denied };
}

export function cellOf(values: AreaValues, indicator: CatalogueEntry, year: string): Cell {
  if (values.denied.has(SECTOR_FIELDS[indicator.sector as keyof typeof SECTOR_FIELDS])) return { value: null, denied: true };
  const observation = values.byIndicator.get(indicator.id)?.get(year);
  if (!observation) return { value: null };
  return { value: observation.value, perturbed: observation.perturbed, suppressed: observation.suppressed, suppressionReason: observation.suppressionReason };
}

/**
 * Counts are not comparable across areas of different sizes; rates and shares are. A value with a
 * denominator is a rate; without any value to tell, the unit says.
 */
export function isCount(indicator: CatalogueEntry, areas: AreaValues[]): boolean {
  const observations = areas.flatMap((a) => [...(a.byIndicator.get(indicator.id)?.values() ?? [])]).filter((o) => o.denominator !== undefined);
  if (observations.some((o) => o.denominator != null)) return false;
  if (observations.some((o) => o.value != null)) return true;
  return /^(count|households)$/i.test(indicator.unitCode);
}

/**
 * The years worth showing: those of the requested range, less the leading and trailing years in
 * which no indicator of any area has a value (the hub answers none, not 0, for a year it holds no
 * data of: docs/data.md; a 0 is a value).
 */
export function yearsWithData(areas: AreaValues[], from: number, to: number, trim: boolean): string[] {
  const years: string[] = [];
  for (let year = from; year <= to; year++) years.push(String(year));
  if (!trim) return years;
  const hasData = (year: string) => areas.some((a) => [...a.byIndicator.values()].some((byYear) => byYear.get(year)?.value != null));
  let first = 0;
  let last = years.length - 1;
  while (first <= last && !hasData(years[first])) first++;
  while (last >= first && !hasData(years[last])) last--;
  return first > last ? years : years.slice(first, last + 1);
}

/** The indicators of the catalogue the view shows, in framework then sector order, or sector then framework. */
export function orderedIndicators(catalogue: CatalogueEntry[], groupBy: 'fa' | 'sector', sectorOrder: string[]): CatalogueEntry[] {
  const sectorIndex = (s: string) => (sectorOrder.indexOf(s) + 1 || 99);
  const faIndex = (f: FrameworkArea) => FRAMEWORK_ORDER.indexOf(f);
  return catalogue
    .filter((entry) => entry.sector in SECTOR_FIELDS)
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) =>
      groupBy === 'fa'
        ? faIndex(a.entry.frameworkArea) - faIndex(b.entry.frameworkArea) || sectorIndex(a.entry.sector) - sectorIndex(b.entry.sector) || a.index - b.index
        : sectorIndex(a.entry.sector) - sectorIndex(b.entry.sector) || faIndex(a.entry.frameworkArea) - faIndex(b.entry.frameworkArea) || a.index - b.index,
    )
    .map(({ entry }) => entry);
}

/** A year range from URL params, within the years the pickers offer. */
export function yearRange(params: URLSearchParams, years: number[]): { from: number; to: number; chosen: boolean } {
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  if (years.includes(from) && years.includes(to) && from <= to) return { from, to, chosen: true };
  return { from: years[Math.max(0, years.length - DEFAULT_YEARS)], to: years[years.length - 1], chosen: false };
}

/** The years offered: the last fifteen up to this one. */
export function offeredYears(now = new Date()): number[] {
  const last = now.getUTCFullYear();
  return Array.from({ length: 15 }, (_, i) => last - 14 + i);
}
