import type { DataSource } from 'typeorm';
import type { Caller, ProtectedRead } from '@cswb/contract/auth';
import type { RegisteredArea } from '../areas/areaRegistry';
import { applyDisclosureControl } from '../privacy/disclosureControl';
import type { RowOwnership } from '../privacy/rowOwnership';
import { areaProfile } from '../profiles/AreaProfileSource';
import type { LoaderRegistry } from '../loaders/LoaderRegistry';
import type { MeasureLoaders } from '../profiles/createMeasureLoader';
import { buildIndicatorSeries, IndicatorSpec } from '../vocabulary/buildIndicatorSeries';
import { Granularity } from '../vocabulary/Granularity';
import type { Observation } from '../vocabulary/Observation';
import { periodsBetween } from '../vocabulary/periods';
import { recordAreaRead } from '../audit/recordAreaRead';
import { sectorNames } from '../sector/sectorNames';

/**
 * What the planning subgraph supplies about a measure (the reading's `@requires`): which
 * indicator, for which area, and the plan's baseline and target. A sector treats these as a
 * question (like the arguments of a root field), never as facts about the area: the area's
 * population and neighbourhoods come from its own registry.
 */
export interface ReadingSource {
  measureId: string;
  indicatorId: string;
  areaId: string;
  baseline: number;
  target: number;
  baselineDate: string;
  targetDate: string;
}

/** A reading as the owning sector resolved its representation: checked, its area from the sector's registry. */
export interface ResolvedReading extends ReadingSource {
  area: RegisteredArea;
}

export interface ReadingContext {
  db: DataSource;
  scope: LoaderRegistry;
  caller: Caller;
  loaders: {
    measures: MeasureLoaders['measures'];
    rowOwnership?: RowOwnership;
  };
  /** The request's audit (a subgraph's context): a neighbourhood's reading is recorded. */
  recordRead?(read: ProtectedRead): void;
}

/** The last month the sector's rollup holds data for, once per request. */
function latestMonth(ctx: ReadingContext, rollup: string): Promise<string | null> {
  return ctx.scope.get('latestMonth', rollup, () =>
    ctx.db.query(`SELECT max(month)::text AS month FROM ${rollup}`).then((rows: { month: string | null }[]) => rows[0]?.month ?? null),
  );
}

/**
 * Yearly observations of the measure's indicator for its area, from the baseline year to the
 * last year with data (never past the target year), as the caller may see them. Computed once
 * per request and measure, however many of the reading's fields ask.
 */
export function readingSeries(source: ResolvedReading, specs: readonly IndicatorSpec[], rollup: string, ctx: ReadingContext): Promise<Observation[]> {
  // Keyed by what the series depends on, not by the measure id a representation claims.
  const key = [source.indicatorId, source.area.id, source.baselineDate.slice(0, 4), source.targetDate.slice(0, 4)];
  return ctx.scope.get('readingSeries', key, () => computeReadingSeries(source, specs, rollup, ctx));
}

async function computeReadingSeries(source: ResolvedReading, specs: readonly IndicatorSpec[], rollup: string, ctx: ReadingContext): Promise<Observation[]> {
  const spec = specs.find((s) => s.definition.id === source.indicatorId);
  if (!spec) return [];
  const last = await latestMonth(ctx, rollup);
  if (!last) return [];
  const firstYear = Number(source.baselineDate.slice(0, 4));
  const lastYear = Math.min(Number(source.targetDate.slice(0, 4)), Number(last.slice(0, 4)) - (last.slice(5, 7) === '12' ? 0 : 1));
  if (lastYear < firstYear) return [];
  const from = `${firstYear}-01-01`;
  const to = `${lastYear}-12-31`;
  // The same profile, rules and rounding draws as the area's indicators read from the root fields.
  const profile = await areaProfile(source.area, ctx);
  const { values, coverage } = await ctx.loaders.measures({ from, to, granularity: Granularity.YEAR }).load(profile);
  const series = buildIndicatorSeries([spec], profile.areaId, profile.population, periodsBetween(from, to, Granularity.YEAR), values, coverage);
  const observations = applyDisclosureControl(series, [spec], specs, ctx.caller, profile, Granularity.YEAR)[0].observations;
  recordAreaRead(ctx, `${sectorNames(spec.definition.sector).readingTypeName}.series`, profile, observations.length, { indicatorId: spec.definition.id, from, to });
  return observations;
}
