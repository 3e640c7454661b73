/**
 * The first day of a measure's baseline period: `2023` → 2023-01-01, `2023-Q4` → 2023-10-01,
 * `2023-06` → 2023-06-01, a date → itself. (The period was validated when the measure was added.)
 */
export function baselinePeriodStart(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}-${String((+quarter[2] - 1) * 3 + 1).padStart(2, '0')}-01`;
  if (/^\d{4}$/.test(period)) return `${period}-01-01`;
  if (/^\d{4}-\d{2}$/.test(period)) return `${period}-01`;
  return period;
}
