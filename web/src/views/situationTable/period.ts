/** A period the hub publishes perturbed counts for: one calendar year, quarter or month. */
export type PeriodKind = 'year' | 'quarter' | 'month';

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** 1 to 4, with kind quarter. */
  quarter: number;
  /** 1 to 12, with kind month. */
  month: number;
  /** How a year's discussions are broken down over time. */
  by: 'MONTH' | 'QUARTER';
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** The first and last days of the chosen period, as the hub's `from` and `to`. */
export function rangeOf(choice: PeriodChoice): { from: string; to: string; granularity: 'MONTH' | 'QUARTER' } {
  const { year } = choice;
  if (choice.kind === 'quarter') {
    const first = (choice.quarter - 1) * 3 + 1;
    return { from: `${year}-${pad(first)}-01`, to: lastDay(year, first + 2), granularity: 'MONTH' };
  }
  if (choice.kind === 'month') return { from: `${year}-${pad(choice.month)}-01`, to: lastDay(year, choice.month), granularity: 'MONTH' };
  return { from: `${year}-01-01`, to: `${year}-12-31`, granularity: choice.by };
}

function whole(text: string | null, low: number, high: number, fallback: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n >= low && n <= high ? n : fallback;
}

/** The period in the URL (`per`, `year`, `q`, `m`, `by`), within the years offered. */
export function periodFromParams(params: URLSearchParams, years: number[]): PeriodChoice {
  const kind = (['year', 'quarter', 'month'] as const).find((k) => k === params.get('per')) ?? 'year';
  const latest = years[years.length - 1] ?? new Date().getUTCFullYear() - 1;
  const year = years.includes(Number(params.get('year'))) ? Number(params.get('year')) : latest;
  return { kind, year, quarter: whole(params.get('q'), 1, 4, 1), month: whole(params.get('m'), 1, 12, 1), by: params.get('by') === 'quarter' ? 'QUARTER' : 'MONTH' };
}
