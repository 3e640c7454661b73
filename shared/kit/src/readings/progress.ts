import { BetterDirection } from '../vocabulary/BetterDirection';
import { ProgressStatus } from './ProgressStatus';
import { TrendDirection } from './TrendDirection';

/** Share of the straight-line path a measure must have covered to count as on track. */
export const ON_TRACK_SHARE = 0.9;
/** A yearly change smaller than this share of the series' mean counts as stable. */
export const STABLE_CHANGE_SHARE = 0.02;

export interface ProgressInput {
  baseline: number;
  target: number;
  baselineDate: string;
  targetDate: string;
  /** The latest published value and the last day of its period; null when none is visible. */
  current: number | null;
  currentDate: string | null;
}

function days(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/**
 * Progress against baseline and target: the share p of the way from baseline to target the
 * current value has covered, set against the share e of the time from baseline to target
 * date that has passed by the current value's period. p ≥ 1: achieved; p ≥ 0.9·e: on track;
 * p > 0: at risk; otherwise off track. A target equal to its baseline is "hold the line":
 * achieved while the value is no worse.
 */
export function progressStatus(input: ProgressInput, betterWhen: BetterDirection): ProgressStatus {
  if (input.current === null || input.currentDate === null) return ProgressStatus.UNKNOWN;
  const span = input.target - input.baseline;
  if (span === 0) {
    const worse = betterWhen === BetterDirection.LOWER ? input.current > input.baseline : input.current < input.baseline;
    return worse ? ProgressStatus.OFF_TRACK : ProgressStatus.ACHIEVED;
  }
  const covered = (input.current - input.baseline) / span;
  if (covered >= 1) return ProgressStatus.ACHIEVED;
  const duration = days(input.targetDate) - days(input.baselineDate);
  const elapsed = duration > 0 ? Math.min(1, Math.max(0, (days(input.currentDate) - days(input.baselineDate)) / duration)) : 1;
  if (covered >= ON_TRACK_SHARE * elapsed) return ProgressStatus.ON_TRACK;
  return covered > 0 ? ProgressStatus.AT_RISK : ProgressStatus.OFF_TRACK;
}

/** Least-squares slope per period of the visible values, read against which way is better. */
export function trendDirection(values: readonly (number | null)[], betterWhen: BetterDirection): TrendDirection {
  const points = values.flatMap((value, index) => (value === null ? [] : [[index, value] as const]));
  if (points.length < 2) return TrendDirection.UNKNOWN;
  const meanX = points.reduce((s, [x]) => s + x, 0) / points.length;
  const meanY = points.reduce((s, [, y]) => s + y, 0) / points.length;
  const slope = points.reduce((s, [x, y]) => s + (x - meanX) * (y - meanY), 0) / points.reduce((s, [x]) => s + (x - meanX) ** 2, 0);
  if (Math.abs(slope) <= Math.abs(meanY) * STABLE_CHANGE_SHARE) return TrendDirection.STABLE;
  if (betterWhen === BetterDirection.NEUTRAL) return TrendDirection.UNKNOWN;
  const rising = slope > 0;
  return rising === (betterWhen === BetterDirection.HIGHER) ? TrendDirection.IMPROVING : TrendDirection.WORSENING;
}
