import { IndicatorArgs } from './IndicatorArgs';
import { IndicatorDefinition } from './IndicatorDefinition';
import { IndicatorSeries } from './IndicatorSeries';
import { Period } from './Period';

/**
 * How a sector computes one of its indicators from the counts it aggregates:
 * `measure` names the count; with `perResidents` the value is a rate per that many residents.
 */
export interface IndicatorSpec {
  definition: IndicatorDefinition;
  measure: string;
  perResidents?: number;
}

/** Counts for one area: measure → period start (YYYY-MM-DD) → count. */
export type MeasureCounts = Map<string, Map<string, number>>;

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

/** One series per indicator, one observation per period; a period with no records counts 0. */
export function buildIndicatorSeries(
  specs: readonly IndicatorSpec[],
  areaId: string,
  population: number | null | undefined,
  periods: readonly Period[],
  counts: MeasureCounts,
): IndicatorSeries[] {
  return specs.map((spec) => ({
    indicator: spec.definition,
    observations: periods.map((period) => {
      const count = counts.get(spec.measure)?.get(period.start) ?? 0;
      if (spec.perResidents === undefined) {
        return { areaId, period, value: count, numerator: count, denominator: null, unit: spec.definition.unit };
      }
      const value = population ? round((count / population) * spec.perResidents, 3) : null;
      return { areaId, period, value, numerator: count, denominator: population ?? null, unit: spec.definition.unit };
    }),
  }));
}
