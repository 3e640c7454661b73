import type { Period } from './Period';

/** One source of a sector's measures, as its coverage view holds it (`createMeasureCoverage`). */
export interface CoveredSource {
  /** A measure's name, or a family `occurrences.*`: every measure whose name starts with `occurrences.`. */
  measures: string;
  /** The first and last month (YYYY-MM-01) the rollup holds rows of the source for; null when none. */
  firstMonth: string | null;
  lastMonth: string | null;
}

/** Months as YYYY-MM-01, both inclusive. */
export interface MonthRange {
  first: string;
  last: string;
}

/** True when a source's `measures` (a name or a family `prefix.*`) names the measure. */
export function namesMeasure(measures: string, measure: string): boolean {
  return measures.endsWith('.*') ? measure.startsWith(measures.slice(0, -1)) : measure === measures;
}

/**
 * The months a sector holds data of, per measure: those of the source it is counted from, from
 * the first to the last month the loaded rows fall in. Within them a month without rows counted
 * 0; outside them the hub does not know, and says so (UnavailableReason.NO_DATA).
 */
export class MeasureCoverage {
  /** Worked out once per measure: asked for every observation of every area of a request. */
  private readonly months = new Map<string, MonthRange | null>();

  constructor(private readonly sources: readonly CoveredSource[]) {}

  /** The months every source naming the measure holds; null when none names it or one holds nothing. */
  monthsOf(measure: string): MonthRange | null {
    let months = this.months.get(measure);
    if (months === undefined) this.months.set(measure, (months = this.computeMonthsOf(measure)));
    return months;
  }

  private computeMonthsOf(measure: string): MonthRange | null {
    const naming = this.sources.filter((source) => namesMeasure(source.measures, measure));
    if (naming.length === 0) return null;
    let first = '';
    let last = '9999-12-01';
    for (const source of naming) {
      if (!source.firstMonth || !source.lastMonth) return null;
      if (source.firstMonth > first) first = source.firstMonth;
      if (source.lastMonth < last) last = source.lastMonth;
    }
    return first <= last ? { first, last } : null;
  }

  /** True when some month of the period holds data of the measure (a year partly loaded answers the months loaded). */
  covers(measure: string, period: Pick<Period, 'start' | 'end'>): boolean {
    const months = this.monthsOf(measure);
    return months !== null && period.start <= months.last && period.end >= months.first;
  }
}
