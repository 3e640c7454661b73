import { ProgressStatus, progressStatus, TrendDirection, trendDirection } from '@cswb/subgraph-kit/readings';
import { BetterDirection } from '@cswb/subgraph-kit/vocabulary';

const plan = { baseline: 10, target: 6, baselineDate: '2023-12-31', targetDate: '2027-12-31' };

describe('progressStatus', () => {
  it.each([
    // Halfway through the time (2025-12-31) the straight line is at 8.
    [6, '2025-12-31', ProgressStatus.ACHIEVED],
    [5.5, '2025-12-31', ProgressStatus.ACHIEVED],
    [8, '2025-12-31', ProgressStatus.ON_TRACK],
    [8.19, '2025-12-31', ProgressStatus.ON_TRACK], // covered 0.4525 ≥ 0.9 × 0.5003 (731 of 1,461 days)
    [8.4, '2025-12-31', ProgressStatus.AT_RISK], // covered 0.4 < 0.45
    [9.9, '2025-12-31', ProgressStatus.AT_RISK],
    [10, '2025-12-31', ProgressStatus.OFF_TRACK],
    [12, '2025-12-31', ProgressStatus.OFF_TRACK],
    [9.9, '2024-01-31', ProgressStatus.ON_TRACK], // a month in, a little progress is on track
    [null, null, ProgressStatus.UNKNOWN],
  ])('a lower-is-better measure from 10 to 6 at %p on %p is %s', (current, currentDate, expected) => {
    expect(progressStatus({ ...plan, current, currentDate }, BetterDirection.LOWER)).toBe(expected);
  });

  it('works the same way upwards, and past the target date by the whole path', () => {
    const upward = { baseline: 80, target: 90, baselineDate: '2023-06-30', targetDate: '2026-06-30' };
    expect(progressStatus({ ...upward, current: 91, currentDate: '2024-06-30' }, BetterDirection.HIGHER)).toBe(ProgressStatus.ACHIEVED);
    expect(progressStatus({ ...upward, current: 89, currentDate: '2027-06-30' }, BetterDirection.HIGHER)).toBe(ProgressStatus.ON_TRACK);
    expect(progressStatus({ ...upward, current: 85, currentDate: '2027-06-30' }, BetterDirection.HIGHER)).toBe(ProgressStatus.AT_RISK);
  });

  it('reads a target equal to the baseline as holding the line', () => {
    const hold = { baseline: 5, target: 5, baselineDate: '2024-01-01', targetDate: '2026-01-01' };
    expect(progressStatus({ ...hold, current: 4, currentDate: '2025-01-01' }, BetterDirection.LOWER)).toBe(ProgressStatus.ACHIEVED);
    expect(progressStatus({ ...hold, current: 6, currentDate: '2025-01-01' }, BetterDirection.LOWER)).toBe(ProgressStatus.OFF_TRACK);
  });
});

describe('trendDirection', () => {
  it('reads the least-squares slope against which way is better', () => {
    expect(trendDirection([10, 9, 8.5, 7], BetterDirection.LOWER)).toBe(TrendDirection.IMPROVING);
    expect(trendDirection([10, 9, 8.5, 7], BetterDirection.HIGHER)).toBe(TrendDirection.WORSENING);
    expect(trendDirection([10, 10.1, 9.95, 10], BetterDirection.LOWER)).toBe(TrendDirection.STABLE);
    expect(trendDirection([10, null, 12, 14], BetterDirection.LOWER)).toBe(TrendDirection.WORSENING);
    expect(trendDirection([10, 12, 14], BetterDirection.NEUTRAL)).toBe(TrendDirection.UNKNOWN);
    expect(trendDirection([null, 7], BetterDirection.LOWER)).toBe(TrendDirection.UNKNOWN);
  });
});
