import { defaultYearWindow } from '../../api/years';

/** The period variables covering every year the view may show (the default window); the years shown are those with data. */
export function yearRange(): { from: string; to: string } {
  const { first, last } = defaultYearWindow();
  return { from: `${first}-01-01`, to: `${last}-12-31` };
}

interface YearObservation {
  period: { label: string };
  value: number | null;
}

/**
 * Years with data: those where some series has a value, 0 included (the hub answers no value,
 * not 0, for a year it holds no data of: docs/data.md). Newest last.
 */
export function yearsWithData(observations: Iterable<YearObservation>): number[] {
  const years = new Set<number>();
  for (const o of observations) if (o.value != null) years.add(Number(o.period.label.slice(0, 4)));
  return [...years].filter((y) => Number.isInteger(y)).sort((a, b) => a - b);
}
