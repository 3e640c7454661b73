import { discoverSubgraphs } from '@cswb/cli';
import { measureSmallestPublished, smallestPublishedOf } from '@cswb/subgraph-kit/privacy';
import { sectorNames } from '@cswb/subgraph-kit/sector';
import { Granularity, IndicatorSpec, Period, periodsBetween } from '@cswb/subgraph-kit/vocabulary';
import type { Partition } from './relations';

/** The public facts the attack starts from: the indicator catalogue, each measure's T, the periods of the year. */

export const SECTOR_SPECS = new Map(
  discoverSubgraphs()
    .filter((s) => s.definition.indicators?.length)
    .map((s) => [s.definition.name, s.definition.indicators as readonly IndicatorSpec[]] as const),
);

export const SPECS = new Map([...SECTOR_SPECS.values()].flat().map((spec) => [spec.definition.id, spec]));

export const SECTOR_FIELDS = [...SECTOR_SPECS.keys()].map((sector) => ({ sector, field: sectorNames(sector).fieldName }));

const SMALLEST = new Map([...SECTOR_SPECS].map(([sector, specs]) => [sector, measureSmallestPublished(specs)]));

/** T of a measure (a breakdown part takes its whole's, or the sector's largest). */
export function smallestOf(sector: string, measure: string | null): number {
  return smallestPublishedOf(SECTOR_SPECS.get(sector)!, measure);
}

export function measureSmallest(sector: string, measure: string): number {
  return SMALLEST.get(sector)!.get(measure)!;
}

/**
 * Stocks (month-end or monthly counts averaged over a period's months, `stock` in the rollups):
 * a year is not the sum of its months.
 */
const STOCKS = new Set([
  'housing|chronically_homeless',
  'housing|waitlist_households',
  'social-services|ow_cases',
  'social-services|odsp_cases',
  'social-services|ow_beneficiaries',
  'social-services|odsp_beneficiaries',
]);
export const isStock = (measure: string) => STOCKS.has(measure);

export const YEAR = 2024;
export const FROM = `${YEAR}-01-01`;
export const TO = `${YEAR}-12-31`;

/** Every calendar period of the year: the year, its quarters, its months. */
export const PERIODS: Period[] = [Granularity.YEAR, Granularity.QUARTER, Granularity.MONTH].flatMap((g) => periodsBetween(FROM, TO, g));

export const PERIOD_PARTITIONS: Partition[] = (() => {
  const of = (g: Granularity) => PERIODS.filter((p) => p.granularity === g);
  const within = (outer: Period, g: Granularity) => of(g).filter((p) => p.start >= outer.start && p.end <= outer.end).map((p) => p.label);
  const [year] = of(Granularity.YEAR);
  return [
    { parent: year.label, children: within(year, Granularity.QUARTER) },
    { parent: year.label, children: within(year, Granularity.MONTH) },
    ...of(Granularity.QUARTER).map((quarter) => ({ parent: quarter.label, children: within(quarter, Granularity.MONTH) })),
  ];
})();
