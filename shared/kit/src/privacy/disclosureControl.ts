import { hasRecordAccess, type Caller, SCOPES } from '@cswb/contract/auth';
import type { AreaProfileSource } from '../profiles/AreaProfileSource';
import { Granularity } from '../vocabulary/Granularity';
import type { IndicatorSeries } from '../vocabulary/IndicatorSeries';
import type { Observation } from '../vocabulary/Observation';
import { type IndicatorSpec, rateValue } from '../vocabulary/buildIndicatorSeries';
import { DEFAULT_SUPPRESSION_THRESHOLD, MIN_POPULATION_FOR_SUBANNUAL } from './privacyConfig';
import { cellKey, randomRound } from './randomRounding';
import { SuppressionReason } from './SuppressionReason';

/**
 * Small-cell suppression and random rounding, the one implementation every subgraph uses
 * (docs/privacy.md). Callers with record-level rights in a sector see its exact values over
 * the rows their own agency holds; everyone else sees counts rounded to base 5, small counts
 * suppressed, fine periods of small areas suppressed and, without scope aggregates:read, no
 * single neighbourhood.
 */

/** A published count: the value, or null with the reason it was withheld. */
export interface PublishedCount {
  value: number | null;
  suppressed: boolean;
  suppressionReason: SuppressionReason | null;
}

/**
 * True when the caller sees this sector's exact values over an area: it may read the sector's
 * records, and its own agency holds every row counted there. `rowOwners` are the agencies
 * holding the sector's rows in the area (`AreaProfileSource.rowOwners`); null for a sector one
 * agency runs (it declares no `RowOwnership`). An area with another agency's rows gets the
 * protected figure, as a caller without record access does.
 */
export function seesExactValues(caller: Caller, sector: string, rowOwners: readonly string[] | null): boolean {
  if (!hasRecordAccess(caller, sector)) return false;
  return rowOwners === null || rowOwners.every((agency) => caller.agency !== null && agency === caller.agency);
}

/**
 * Why every value of the area is withheld from this caller, if it is: a single neighbourhood
 * for a caller without aggregates:read, or a month or quarter of an area under
 * MIN_POPULATION_FOR_SUBANNUAL residents (an unknown population counts as small).
 */
export function areaSuppressionReason(
  caller: Caller,
  area: Pick<AreaProfileSource, 'population' | 'neighbourhoodIds'>,
  subannual: boolean,
): SuppressionReason | null {
  if (!caller.scopes.includes(SCOPES.aggregatesRead) && area.neighbourhoodIds.length <= 1) return SuppressionReason.COARSE_GEOGRAPHY_ONLY;
  if (subannual && (area.population ?? 0) < MIN_POPULATION_FOR_SUBANNUAL) return SuppressionReason.SMALL_AREA;
  return null;
}

export function isSubannual(granularity: Granularity): boolean {
  return granularity !== Granularity.YEAR;
}

/**
 * One count as a caller without record access sees it: 0 stays 0 (a true zero discloses
 * nobody), 1 to threshold − 1 is withheld, anything else is randomly rounded to base 5 with
 * the draw of its cell. The count is rounded to an integer first (stocks are averages).
 */
export function protectCount(count: number, threshold: number, key: string): PublishedCount {
  const whole = Math.round(count);
  if (whole >= 1 && whole < threshold) return { value: null, suppressed: true, suppressionReason: SuppressionReason.SMALL_COUNT };
  return { value: randomRound(whole, key), suppressed: false, suppressionReason: null };
}

export function suppressedCount(reason: SuppressionReason): PublishedCount {
  return { value: null, suppressed: true, suppressionReason: reason };
}

/**
 * The threshold of each measure: the largest any of the sector's indicators sets for it, as
 * numerator or as denominator, so a measure is suppressed alike wherever it is published.
 */
export function measureThresholds(specs: readonly IndicatorSpec[]): Map<string, number> {
  const thresholds = new Map<string, number>();
  const raise = (measure: string, threshold: number) => thresholds.set(measure, Math.max(thresholds.get(measure) ?? 0, threshold));
  for (const spec of specs) {
    const threshold = spec.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
    raise(spec.numerator, threshold);
    if (spec.denominator && spec.denominator !== 'population') raise(spec.denominator.measure, threshold);
  }
  return thresholds;
}

/** The threshold of a measure among the sector's indicators; the largest of all when none names it. */
export function suppressionThresholdOf(specs: readonly IndicatorSpec[], measure: string | null): number {
  const thresholds = measureThresholds(specs);
  if (measure && thresholds.has(measure)) return thresholds.get(measure)!;
  return Math.max(DEFAULT_SUPPRESSION_THRESHOLD, ...thresholds.values());
}

export interface BreakdownCell {
  /** The sector that owns the data. */
  sector: string;
  /** What the breakdown counts, e.g. `ed_visits_by_age_group`. */
  measure: string;
  /** The rest of the cell's identity: range, filters and the part (e.g. reason and age group). */
  identity: readonly (string | number | null | undefined)[];
  threshold: number;
}

/**
 * One cell of a breakdown (a count per age group, sex, reason...) for a caller: the same rules
 * as an indicator's count, the draw keyed by the cell's own identity, so a breakdown and the
 * total of the same range are rounded independently.
 */
export function publishBreakdownCount(count: number, cell: BreakdownCell, caller: Caller, area: AreaProfileSource, subannual: boolean): PublishedCount {
  if (seesExactValues(caller, cell.sector, area.rowOwners)) return { value: count, suppressed: false, suppressionReason: null };
  const reason = areaSuppressionReason(caller, area, subannual);
  if (reason) return suppressedCount(reason);
  return protectCount(count, cell.threshold, cellKey([cell.sector, cell.measure, area.areaId, ...cell.identity]));
}

function withheld(observation: Observation, reason: SuppressionReason): Observation {
  return { ...observation, value: null, numerator: null, denominator: null, suppressed: true, suppressionReason: reason };
}

function protectObservation(spec: IndicatorSpec, observation: Observation, thresholds: Map<string, number>): Observation {
  const sector = spec.definition.sector;
  const { areaId, period } = observation;
  const protect = (measure: string, count: number) =>
    protectCount(count, thresholds.get(measure) ?? DEFAULT_SUPPRESSION_THRESHOLD, cellKey([sector, measure, areaId, period.start, period.granularity]));

  const numerator = protect(spec.numerator, observation.numerator ?? 0);
  if (numerator.suppressed) return withheld(observation, SuppressionReason.SMALL_COUNT);
  if (!spec.denominator) return { ...observation, value: numerator.value, numerator: numerator.value };

  let denominator = observation.denominator;
  if (spec.denominator !== 'population') {
    const base = protect(spec.denominator.measure, observation.denominator ?? 0);
    if (base.suppressed) return withheld(observation, SuppressionReason.SMALL_DENOMINATOR);
    denominator = base.value;
  }
  return { ...observation, value: rateValue(numerator.value!, denominator, spec.per), numerator: numerator.value, denominator };
}

/**
 * The series of one area as this caller may see them. `series[i]` was built from
 * `selected[i]`; `specs` are all the sector's indicators, which set the measures' thresholds.
 */
export function applyDisclosureControl(
  series: IndicatorSeries[],
  selected: readonly IndicatorSpec[],
  specs: readonly IndicatorSpec[],
  caller: Caller,
  area: AreaProfileSource,
  granularity: Granularity,
): IndicatorSeries[] {
  const thresholds = measureThresholds(specs);
  const areaReason = areaSuppressionReason(caller, area, isSubannual(granularity));
  return series.map((one, index) => {
    const spec = selected[index];
    if (seesExactValues(caller, spec.definition.sector, area.rowOwners)) return one;
    return {
      ...one,
      observations: one.observations.map((observation) =>
        areaReason ? withheld(observation, areaReason) : protectObservation(spec, observation, thresholds),
      ),
    };
  });
}
