import { BadUserInputError } from '@cswb/contract/errors';
import { Granularity } from './Granularity';
import { Period } from './Period';

/** Enough for 50 years of months; more is a mistake or an attack, not a planning question. */
export const MAX_PERIODS = 600;

const MONTHS_PER: Record<Granularity, number> = {
  [Granularity.YEAR]: 12,
  [Granularity.QUARTER]: 3,
  [Granularity.MONTH]: 1,
};

function parseDate(value: string, argument: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
  if (!match || !date || date.getUTCMonth() !== +match[2] - 1 || date.getUTCDate() !== +match[3]) {
    throw new BadUserInputError(`${argument} must be a date written YYYY-MM-DD, got "${value}"`, argument);
  }
  return { year: +match[1], month: +match[2], day: +match[3] };
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function label(granularity: Granularity, year: number, month: number): string {
  if (granularity === Granularity.YEAR) return String(year);
  if (granularity === Granularity.QUARTER) return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The period of the given granularity that starts in `year`/`month` (month 1-12, aligned). */
function periodStartingAt(granularity: Granularity, year: number, month: number): Period {
  const endMonthIndex = month - 1 + MONTHS_PER[granularity] - 1;
  const endYear = year + Math.floor(endMonthIndex / 12);
  const endMonth = (endMonthIndex % 12) + 1;
  return {
    granularity,
    start: isoDate(year, month, 1),
    end: isoDate(endYear, endMonth, lastDayOfMonth(endYear, endMonth)),
    label: label(granularity, year, month),
  };
}

/** The period of the given granularity that contains a date (YYYY-MM-DD). */
export function periodContaining(date: string, granularity: Granularity): Period {
  const { year, month } = parseDate(date, 'date');
  const size = MONTHS_PER[granularity];
  const startMonth = Math.floor((month - 1) / size) * size + 1;
  return periodStartingAt(granularity, year, startMonth);
}

/**
 * The periods from `from` to `to`, both inclusive. `from` must be the first day of a
 * period and `to` the last day of one, so that no period is reported half-counted.
 */
export function periodsBetween(from: string, to: string, granularity: Granularity): Period[] {
  parseDate(from, 'from');
  parseDate(to, 'to');
  const first = periodContaining(from, granularity);
  const last = periodContaining(to, granularity);
  if (first.start !== from) {
    throw new BadUserInputError(`from must be the first day of a ${granularity} period: ${first.start}, not ${from}`, 'from');
  }
  if (last.end !== to) {
    throw new BadUserInputError(`to must be the last day of a ${granularity} period: ${last.end}, not ${to}`, 'to');
  }
  if (from > to) {
    throw new BadUserInputError(`from (${from}) is after to (${to})`, 'from');
  }
  const periods: Period[] = [];
  let { year, month } = parseDate(from, 'from');
  while (true) {
    const period = periodStartingAt(granularity, year, month);
    periods.push(period);
    if (period.end >= to) break;
    if (periods.length >= MAX_PERIODS) {
      throw new BadUserInputError(`the range covers more than ${MAX_PERIODS} ${granularity} periods`, 'to');
    }
    month += MONTHS_PER[granularity];
    if (month > 12) {
      year += Math.floor((month - 1) / 12);
      month = ((month - 1) % 12) + 1;
    }
  }
  return periods;
}

/** The PostgreSQL `date_trunc` unit for a granularity. */
export function truncUnit(granularity: Granularity): 'year' | 'quarter' | 'month' {
  return granularity.toLowerCase() as 'year' | 'quarter' | 'month';
}
