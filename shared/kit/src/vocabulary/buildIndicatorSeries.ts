import { IndicatorArgs } from './IndicatorArgs';
import { IndicatorDefinition } from './IndicatorDefinition';
import { IndicatorSeries } from './IndicatorSeries';
import { Period } from './Period';

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
   * Callers without record-level rights in the sector see counts from 1 up to this value minus
   * one (numerator, count, measure denominator) suppressed; default DEFAULT_SUPPRESSION_THRESHOLD
   * (5). A measure shared by several indicators takes the largest of their thresholds.
   */
  suppressionThreshold?: number;
}

/** Measure values for one area: measure → period start (YYYY-MM-DD) → value. */
export type MeasureValues = Map<string, Map<string, number>>;

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
 * One series per indicator, one observation per period; a period with no records counts 0.
 * The values are exact: `applyDisclosureControl` (privacy/) decides what a caller sees.
 */
export function buildIndicatorSeries(
  specs: readonly IndicatorSpec[],
  areaId: string,
  population: number | null | undefined,
  periods: readonly Period[],
  values: MeasureValues,
): IndicatorSeries[] {
  const valueOf = (measure: string, period: Period) => values.get(measure)?.get(period.start) ?? 0;
  return specs.map((spec) => ({
    indicator: spec.definition,
    observations: periods.map((period) => {
      const numerator = round(valueOf(spec.numerator, period), 3);
      const unit = spec.definition.unit;
      if (!spec.denominator) {
        return { areaId, period, value: numerator, numerator, denominator: null, unit, suppressed: false, suppressionReason: null };
      }
      const denominator = spec.denominator === 'population' ? (population ?? null) : round(valueOf(spec.denominator.measure, period), 3);
      const value = rateValue(numerator, denominator, spec.per);
      return { areaId, period, value, numerator, denominator, unit, suppressed: false, suppressionReason: null };
    }),
  }));
}
