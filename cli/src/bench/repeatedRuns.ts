/** A figure measured over repeated runs: the median is reported, min and max beside it. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spreadOf needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** `12.3 (11.9–13.0)`: the median, then the range over the runs when there were several. */
export function formatSpread(spread: Spread, digits = 1): string {
  const median = spread.median.toFixed(digits);
  return spread.runs > 1 ? `${median} (${spread.min.toFixed(digits)}–${spread.max.toFixed(digits)})` : median;
}

/** `1.42×`: a ratio of medians against the baseline of the same run. */
export function formatRatio(value: number, baseline: number): string {
  return baseline > 0 && Number.isFinite(value) ? `${(value / baseline).toFixed(2)}×` : 'n/a';
}
