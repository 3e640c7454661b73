import type { ApiError } from '../../api/client';
import type { Disclosure } from '../../components/Figure';
import type { ScorecardPlanQuery } from '../../gql/graphql';
import { isRefused } from './access';

type Plan = NonNullable<ScorecardPlanQuery['plan']>;

export interface SeriesPoint extends Disclosure {
  period: string;
}

/** One measure of the plan as the scorecard shows it: the plan's figures and the hub's reading. */
export interface MeasureRow {
  id: string;
  indicator: string;
  unit: string;
  area: string;
  outcome: string;
  strategy: string;
  baseline: number;
  baselinePeriod: string;
  target: number;
  targetDate: string;
  /** The latest published value; undefined when the hub sent no reading. */
  latest?: SeriesPoint;
  series: SeriesPoint[];
  trend: string;
  progress: string;
  /** The reading is not shown to the viewer's role. */
  refused: boolean;
}

export function measureRows(plan: Plan, errors: ApiError[]): MeasureRow[] {
  return plan.performanceMeasures.map((measure, index) => {
    const reading = measure.reading && 'progress' in measure.reading ? measure.reading : undefined;
    const point = (o: { period: { label: string }; value: number | null; perturbed: boolean; suppressed: boolean; suppressionReason: string | null }): SeriesPoint => ({
      period: o.period.label,
      value: o.value,
      perturbed: o.perturbed,
      suppressed: o.suppressed,
      suppressionReason: o.suppressionReason,
    });
    return {
      id: measure.id,
      indicator: measure.indicator?.name ?? measure.indicatorId,
      unit: measure.indicator?.unit ?? '',
      area: measure.area.name,
      outcome: measure.outcome.statement,
      strategy: measure.outcome.strategy.title,
      baseline: measure.baseline,
      baselinePeriod: measure.baselinePeriod,
      target: measure.target,
      targetDate: measure.targetDate,
      latest: reading?.current ? point(reading.current) : undefined,
      series: reading ? reading.series.map(point) : [],
      trend: reading?.trend ?? 'UNKNOWN',
      progress: reading?.progress ?? 'UNKNOWN',
      refused: isRefused(errors, `plan.performanceMeasures.${index}.reading`),
    };
  });
}
