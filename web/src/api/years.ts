/**
 * How many calendar years a view asks the hub for unless the viewer picks a range: this year and
 * the five before it. Each year more is more work for every sector on every request (a city-wide
 * view reads every neighbourhood for each year), so views do not ask for years nobody looks at.
 */
export const DEFAULT_YEARS = 6;

export function currentYear(now = new Date()): number {
  return now.getUTCFullYear();
}

/** The first and last year of the default window. */
export function defaultYearWindow(now = new Date()): { first: number; last: number } {
  const last = currentYear(now);
  return { first: last - DEFAULT_YEARS + 1, last };
}
