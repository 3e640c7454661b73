import { BadUserInputError } from '@cswb/contract/errors';
import { Granularity } from '../vocabulary/Granularity';
import { isSubannual } from './disclosureControl';
import type { Period } from '../vocabulary/Period';
import { periodContaining, periodsBetween } from '../vocabulary/periods';

/**
 * The one calendar month, quarter or year that runs exactly from `from` to `to`, coarsest
 * first; null for any other range. Perturbed breakdowns are published for such periods only
 * (docs/privacy.md): a range of several periods is another estimate of each, and the difference
 * of two overlapping ranges gives a period with fresh noise to average.
 */
export function calendarPeriod(from: string, to: string): Period | null {
  for (const granularity of [Granularity.YEAR, Granularity.QUARTER, Granularity.MONTH]) {
    const period = periodContaining(from, granularity);
    if (period.start === from && period.end === to) return period;
  }
  return null;
}

/** `calendarPeriod`, or BAD_USER_INPUT naming the rule (or the malformed date) for a caller who would see perturbed counts. */
export function requireCalendarPeriod(from: string, to: string): Period {
  periodsBetween(from, to, Granularity.MONTH);
  const period = calendarPeriod(from, to);
  if (!period) {
    throw new BadUserInputError(
      `perturbed counts are published for one calendar month, quarter or year at a time: from and to must be its first and last days, got ${from} to ${to} (docs/privacy.md)`,
      'from',
    );
  }
  return period;
}

/**
 * Whether a breakdown over `from` … `to` is of a month or quarter, for the rules on fine
 * crossings: false for a caller who sees exact counts (any whole-month range); otherwise the range
 * must be one calendar period (`requireCalendarPeriod`).
 */
export function isSubannualBreakdown(exact: boolean, from: string, to: string): boolean {
  return exact ? false : isSubannual(requireCalendarPeriod(from, to).granularity);
}
