import { IndicatorArgs } from './IndicatorArgs';
import { IndicatorDefinition } from './IndicatorDefinition';
import { IndicatorSeries } from './IndicatorSeries';
import type { MeasureCoverage } from './MeasureCoverage';
import type { Observation } from './Observation';
import { Period } from './Period';
import { UnavailableReason } from './UnavailableReason';

/**
 * How a sector computes one indicator from the measures its rollup holds.
 * - count: `value = numerator`
 * - rate: `value = numerator / denominator × per`, where the denominator is the area's
 *   population or another measure (e.g. enrolled students, shelter capacity).
 * Ratios are built from sums, so a ward's rate is its neighbourhoods' counts over their
 * combined base, never an average of rates.
 */
export interface IndicatorSpec {
  definition: IndicatorDefinition;
  numerator: string;
  denominator?: 'population' | { measure: string };
  /** Scale of a rate: 1000 for "per 1,000", 100 for a percentage. */
  per?: number;
  /**
   * The smallest non-zero count callers without record-level rights may see of this indicator's
   * measures (numerator and measure denominator): 1 up to this value minus one are never
   * published (docs/privacy.md); default DEFAULT_SMALLEST_PUBLISHED (5). A measure shared by
   * several indicators takes the largest of theirs, so it is published alike everywhere.
   */
  smallestPublished?: number;
}

/** One measure of one area and period: its exact value and the key sum of the units counted in it. */
export interface MeasureCell {
  value: number;
  keySum: number;
}

/** Measure values for one area: measure → period start (YYYY-MM-DD) → cell. */
export type MeasureValues = Map<string, Map<string, MeasureCell>>;

/**
 * An observation with exact values, as a sector computes it, and the key sums of its numerator
 * and (measure) denominator: `applyDisclosureControl` (privacy/) decides what a caller sees and
 * never passes the key sums on.
 */
export interface ExactObservation extends Observation {
  numeratorKeySum: number;
  denominatorKeySum: number;
}

export interface ExactIndicatorSeries extends IndicatorSeries {
  observations: ExactObservation[];
}

export function selectIndicators(specs: readonly IndicatorSpec[], args: Pick<IndicatorArgs, 'frameworkArea' | 'ids'>): IndicatorSpec[] {
  return specs.filter(
    (spec) =>
      (!args.frameworkArea || spec.definition.frameworkArea === args.frameworkArea) &&
      (!args.ids || args.ids.includes(spec.definition.id)),
  );
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** `numerator / denominator × per` to three decimals; null without a (non-zero) denominator. */
export function rateValue(numerator: number, denominator: number | null, per: number | undefined): number | null {
  return denominator ? round((numerator / denominator) * (per ?? 1), 3) : null;
}

/**
 * One series per indicator, one observation per period. Within the months the sector holds
 * data of the indicator's measures (`coverage`), a period with no records counts 0; a period
 * outside them has no value (UnavailableReason.NO_DATA), and so has a rate whose numerator or
 * measure denominator is outside them. The values are exact: `applyDisclosureControl`
 * (privacy/) decides what a caller sees.
 */
export function buildIndicatorSeries(
  specs: readonly IndicatorSpec[],
  areaId: string,
  population: number | null | undefined,
  periods: readonly Period[],
  values: MeasureValues,
  coverage: MeasureCoverage,
): ExactIndicatorSeries[] {
  const cellOf = (measure: string, period: Period) => values.get(measure)?.get(period.start) ?? EMPTY;
  return specs.map((spec) => ({
    indicator: spec.definition,
    observations: periods.map((period): ExactObservation => {
      const shown = { areaId, period, unit: spec.definition.unit, suppressed: false, suppressionReason: null, perturbed: false };
      const baseMeasure = spec.denominator && spec.denominator !== 'population' ? spec.denominator.measure : null;
      if (!coverage.covers(spec.numerator, period) || (baseMeasure && !coverage.covers(baseMeasure, period))) {
        return { ...shown, value: null, numerator: null, denominator: null, unavailableReason: UnavailableReason.NO_DATA, numeratorKeySum: 0, denominatorKeySum: 0 };
      }
      const counted = cellOf(spec.numerator, period);
      const numerator = round(counted.value, 3);
      const exact = { ...shown, unavailableReason: null, numeratorKeySum: counted.keySum };
      if (!spec.denominator) return { ...exact, value: numerator, numerator, denominator: null, denominatorKeySum: 0 };
      const base = baseMeasure ? cellOf(baseMeasure, period) : null;
      const denominator = base ? round(base.value, 3) : (population ?? null);
      return { ...exact, value: rateValue(numerator, denominator, spec.per), numerator, denominator, denominatorKeySum: base?.keySum ?? 0 };
    }),
  }));
}

const EMPTY: MeasureCell = { value: 0, keySum: 0 };
