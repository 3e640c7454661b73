import type { DataSource } from 'typeorm';
import type DataLoader from 'dataloader';
import type { Caller } from '../auth/Caller';
import { applyDisclosureControl } from '../privacy/disclosureControl';
import type { AreaProfileSource } from '../profiles/AreaProfileSource';
import type { MeasureQuery } from '../profiles/createMeasureLoader';
import { buildIndicatorSeries, IndicatorSpec, MeasureValues } from '../vocabulary/buildIndicatorSeries';
import { Granularity } from '../vocabulary/Granularity';
import type { Observation } from '../vocabulary/Observation';
import { periodsBetween } from '../vocabulary/periods';

/** What the planning subgraph supplies about a measure (the reading's `@requires`). */
export interface ReadingSource {
  measureId: string;
  indicatorId: string;
  areaId: string;
  baseline: number;
  target: number;
  baselineDate: string;
  targetDate: string;
  areaPopulation: number | null;
  areaNeighbourhoodIds: string[];
}

export interface ReadingContext {
  db: DataSource;
  caller: Caller;
  loaders: { measures: (query: MeasureQuery) => DataLoader<AreaProfileSource, MeasureValues, string> };
}

const latestMonths = new WeakMap<object, Promise<string | null>>();

/** The last month the sector's rollup holds data for, once per request. */
function latestMonth(ctx: ReadingContext, rollup: string): Promise<string | null> {
  let month = latestMonths.get(ctx);
  if (!month) {
    month = ctx.db.query(`SELECT max(month)::text AS month FROM ${rollup}`).then((rows: { month: string | null }[]) => rows[0]?.month ?? null);
    latestMonths.set(ctx, month);
  }
  return month;
}

const seriesByRequest = new WeakMap<object, Map<string, Promise<Observation[]>>>();

/**
 * Yearly observations of the measure's indicator for its area, from the baseline year to the
 * last year with data (never past the target year), as the caller may see them. Computed once
 * per request and measure, however many of the reading's fields ask.
 */
export function readingSeries(source: ReadingSource, specs: readonly IndicatorSpec[], rollup: string, ctx: ReadingContext): Promise<Observation[]> {
  let byMeasure = seriesByRequest.get(ctx);
  if (!byMeasure) seriesByRequest.set(ctx, (byMeasure = new Map()));
  let series = byMeasure.get(source.measureId);
  if (!series) {
    series = computeReadingSeries(source, specs, rollup, ctx);
    byMeasure.set(source.measureId, series);
  }
  return series;
}

async function computeReadingSeries(source: ReadingSource, specs: readonly IndicatorSpec[], rollup: string, ctx: ReadingContext): Promise<Observation[]> {
  const spec = specs.find((s) => s.definition.id === source.indicatorId);
  if (!spec) return [];
  const last = await latestMonth(ctx, rollup);
  if (!last) return [];
  const firstYear = Number(source.baselineDate.slice(0, 4));
  const lastYear = Math.min(Number(source.targetDate.slice(0, 4)), Number(last.slice(0, 4)) - (last.slice(5, 7) === '12' ? 0 : 1));
  if (lastYear < firstYear) return [];
  const from = `${firstYear}-01-01`;
  const to = `${lastYear}-12-31`;
  const profile: AreaProfileSource = { areaId: source.areaId, population: source.areaPopulation, neighbourhoodIds: source.areaNeighbourhoodIds };
  const values = await ctx.loaders.measures({ from, to, granularity: Granularity.YEAR }).load(profile);
  const series = buildIndicatorSeries([spec], source.areaId, source.areaPopulation, periodsBetween(from, to, Granularity.YEAR), values);
  return applyDisclosureControl(series, [spec], specs, ctx.caller, profile, Granularity.YEAR)[0].observations;
}
