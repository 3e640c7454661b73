import type { Caller, ProtectedContext } from '@cswb/contract/auth';
import { applyDisclosureControl } from '../privacy/disclosureControl';
import type { IndicatorArgs } from '../vocabulary/IndicatorArgs';
import { buildIndicatorSeries, IndicatorSpec, selectIndicators } from '../vocabulary/buildIndicatorSeries';
import type { IndicatorSeries } from '../vocabulary/IndicatorSeries';
import { periodsBetween } from '../vocabulary/periods';
import type { AreaProfileSource } from './AreaProfileSource';
import type { MeasureLoaders } from './createMeasureLoader';
import { recordAreaRead } from '../audit/recordAreaRead';
import { sectorNames } from '../sector/sectorNames';

/**
 * The body of every sector profile's `indicators` field: validate the range, pick the
 * indicators, load the area's measures (and the sector's coverage) through the request's loader, build the series and
 * apply disclosure control for the caller (docs/privacy.md; the sector is each indicator's).
 * A neighbourhood's indicators are recorded for the audit log (`recordAreaRead`), public or not.
 */
export async function resolveIndicators(
  specs: readonly IndicatorSpec[],
  profile: AreaProfileSource,
  args: IndicatorArgs,
  loaders: MeasureLoaders,
  caller: Caller,
  audit: Pick<ProtectedContext, 'recordRead'>,
): Promise<IndicatorSeries[]> {
  const periods = periodsBetween(args.from, args.to, args.granularity);
  const selected = selectIndicators(specs, args);
  if (selected.length === 0) return [];
  const { values, coverage } = await loaders.measures({ from: args.from, to: args.to, granularity: args.granularity }).load(profile);
  const series = buildIndicatorSeries(selected, profile.areaId, profile.population, periods, values, coverage);
  const published = applyDisclosureControl(series, selected, specs, caller, profile, args.granularity);
  recordAreaRead(audit, `${sectorNames(selected[0].definition.sector).profileTypeName}.indicators`, profile, published.length, { ...args });
  return published;
}
