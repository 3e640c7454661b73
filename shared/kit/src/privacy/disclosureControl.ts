import { hasRecordAccess, type Caller, SCOPES } from '@cswb/contract/auth';
import type { AreaProfileSource } from '../profiles/AreaProfileSource';
import { Granularity } from '../vocabulary/Granularity';
import type { IndicatorSeries } from '../vocabulary/IndicatorSeries';
import type { Observation } from '../vocabulary/Observation';
import { type ExactIndicatorSeries, type ExactObservation, type IndicatorSpec, rateValue } from '../vocabulary/buildIndicatorSeries';
import { DEFAULT_SMALLEST_PUBLISHED, MIN_POPULATION_FOR_SUBANNUAL } from './privacyConfig';
import { publishCount } from './publishCount';
import { SuppressionReason } from './SuppressionReason';
import { recordDisclosure } from '../telemetry/metricsScope';

/**
 * Disclosure control by the cell-key method, the one implementation every subgraph uses
 * (docs/privacy.md). Callers with record-level rights see exact values over the rows their own
 * agency holds; everyone else sees every count perturbed by the key of the units it counts
 * (`publishCount`), rates built from perturbed counts, and figures withheld only by rules about
 * the area and the query: fine periods of small areas, fine breakdowns of a neighbourhood and,
 * without scope aggregates:read, any single neighbourhood.
 */

/** A published count: the value, or null with the reason it was withheld. */
export interface PublishedCount {
  value: number | null;
  perturbed: boolean;
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

const isNeighbourhood = (area: Pick<AreaProfileSource, 'neighbourhoodIds'>) => area.neighbourhoodIds.length <= 1;

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
  if (!caller.scopes.includes(SCOPES.aggregatesRead) && isNeighbourhood(area)) return SuppressionReason.COARSE_GEOGRAPHY_ONLY;
  if (subannual && (area.population ?? 0) < MIN_POPULATION_FOR_SUBANNUAL) return SuppressionReason.SMALL_AREA;
  return null;
}

export function isSubannual(granularity: Granularity): boolean {
  return granularity !== Granularity.YEAR;
}

function exactCount(value: number): PublishedCount {
  return { value, perturbed: false, suppressed: false, suppressionReason: null };
}

function perturbedCount(count: number, keySum: number, smallestPublished: number = DEFAULT_SMALLEST_PUBLISHED): PublishedCount {
  return { value: publishCount(count, keySum, smallestPublished), perturbed: true, suppressed: false, suppressionReason: null };
}

function suppressedCount(reason: SuppressionReason): PublishedCount {
  return { value: null, perturbed: false, suppressed: true, suppressionReason: reason };
}

/**
 * The smallest published count of each measure: the largest any of the sector's indicators sets
 * for it, as numerator or as denominator, so a measure is published alike wherever it appears.
 */
export function measureSmallestPublished(specs: readonly IndicatorSpec[]): ReadonlyMap<string, number> {
  let smallest = smallestBySpecs.get(specs);
  if (!smallest) smallestBySpecs.set(specs, (smallest = computeSmallestPublished(specs)));
  return smallest;
}

/** Worked out once per list of specs: a sector's list is fixed, and asked for on every area of every request. */
const smallestBySpecs = new WeakMap<readonly IndicatorSpec[], ReadonlyMap<string, number>>();

function computeSmallestPublished(specs: readonly IndicatorSpec[]): ReadonlyMap<string, number> {
  const smallest = new Map<string, number>();
  const raise = (measure: string, value: number) => smallest.set(measure, Math.max(smallest.get(measure) ?? 0, value));
  for (const spec of specs) {
    const value = spec.smallestPublished ?? DEFAULT_SMALLEST_PUBLISHED;
    raise(spec.numerator, value);
    if (spec.denominator && spec.denominator !== 'population') raise(spec.denominator.measure, value);
  }
  return smallest;
}

/** The smallest published count of a measure among the sector's indicators; the largest of all when none names it. */
export function smallestPublishedOf(specs: readonly IndicatorSpec[], measure: string | null): number {
  const smallest = measureSmallestPublished(specs);
  if (measure && smallest.has(measure)) return smallest.get(measure)!;
  return Math.max(DEFAULT_SMALLEST_PUBLISHED, ...smallest.values());
}

/**
 * A count as one caller sees it: exact when the caller may see the rows counted, otherwise
 * withheld for a reason about the query or the area (`withheldFor`), otherwise perturbed by the
 * key sum of the units counted. Every breakdown publishes its cells through this.
 */
export function publishCell(count: number, keySum: number, smallestPublished: number, exact: boolean, withheldFor: SuppressionReason | null): PublishedCount {
  const published = exact ? exactCount(count) : withheldFor ? suppressedCount(withheldFor) : perturbedCount(count, keySum, smallestPublished);
  recordDisclosure(exact ? 'exact' : withheldFor ? 'withheld' : 'perturbed', 1);
  return published;
}

export interface BreakdownCell {
  /** The sector that owns the data. */
  sector: string;
  /** The key sum of the units the cell counts. */
  keySum: number;
  smallestPublished: number;
}

/**
 * One cell of a breakdown (a count per age group, risk category, agency...) of one calendar
 * period for a caller: exact over its own agency's rows; otherwise withheld by the area's rules,
 * or for a neighbourhood's month or quarter (FINE_BREAKDOWN), and perturbed by its own key.
 */
export function publishBreakdownCount(count: number, cell: BreakdownCell, caller: Caller, area: AreaProfileSource, subannual: boolean): PublishedCount {
  const reason = areaSuppressionReason(caller, area, subannual) ?? (subannual && isNeighbourhood(area) ? SuppressionReason.FINE_BREAKDOWN : null);
  return publishCell(count, cell.keySum, cell.smallestPublished, seesExactValues(caller, cell.sector, area.rowOwners), reason);
}

function visible({ numeratorKeySum: _numerator, denominatorKeySum: _denominator, ...observation }: ExactObservation): Observation {
  return observation;
}

function withheld(observation: ExactObservation, reason: SuppressionReason): Observation {
  return { ...visible(observation), value: null, numerator: null, denominator: null, perturbed: false, suppressed: true, suppressionReason: reason };
}

function perturbObservation(spec: IndicatorSpec, observation: ExactObservation, smallest: ReadonlyMap<string, number>): Observation {
  const publish = (measure: string, count: number, keySum: number) => publishCount(count, keySum, smallest.get(measure) ?? DEFAULT_SMALLEST_PUBLISHED);
  const numerator = publish(spec.numerator, observation.numerator ?? 0, observation.numeratorKeySum);
  const shown = { ...visible(observation), perturbed: true };
  if (!spec.denominator) return { ...shown, value: numerator, numerator };
  const denominator =
    spec.denominator === 'population' ? observation.denominator : publish(spec.denominator.measure, observation.denominator ?? 0, observation.denominatorKeySum);
  return { ...shown, value: rateValue(numerator, denominator, spec.per), numerator, denominator };
}

/**
 * The series of one area as this caller may see them. `series[i]` was built from
 * `selected[i]`; `specs` are all the sector's indicators, which set each measure's smallest
 * published count.
 */
export function applyDisclosureControl(
  series: readonly ExactIndicatorSeries[],
  selected: readonly IndicatorSpec[],
  specs: readonly IndicatorSpec[],
  caller: Caller,
  area: AreaProfileSource,
  granularity: Granularity,
): IndicatorSeries[] {
  const smallest = measureSmallestPublished(specs);
  const areaReason = areaSuppressionReason(caller, area, isSubannual(granularity));
  return series.map((one, index) => {
    const spec = selected[index];
    const published = one.observations.filter((observation) => !observation.unavailableReason).length;
    if (seesExactValues(caller, spec.definition.sector, area.rowOwners)) {
      recordDisclosure('exact', published);
      return { ...one, observations: one.observations.map(visible) };
    }
    recordDisclosure(areaReason ? 'withheld' : 'perturbed', published);
    return {
      ...one,
      // A period without data says only that (UnavailableReason): it holds no count to withhold or perturb.
      observations: one.observations.map((observation) =>
        observation.unavailableReason ? visible(observation) : areaReason ? withheld(observation, areaReason) : perturbObservation(spec, observation, smallest),
      ),
    };
  });
}
