const NUMBER = new Intl.NumberFormat('en-CA');

export function formatCount(n: number): string {
  return NUMBER.format(n);
}

export interface ImportReport {
  sector: string;
  dataset: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  seconds: number;
}

/** `police/occurrences: 1,200 rows read, 1,150 inserted, 50 updated, 0 unchanged, 0 rejected in 0.8 s (1,500 rows/s)` */
export function formatReport(r: ImportReport): string {
  const rate = r.seconds > 0 ? Math.round(r.read / r.seconds) : r.read;
  return (
    `${r.sector}/${r.dataset}: ${formatCount(r.read)} rows read, ${formatCount(r.inserted)} inserted, ` +
    `${formatCount(r.updated)} updated, ${formatCount(r.unchanged)} unchanged, ${formatCount(r.rejected)} rejected ` +
    `in ${r.seconds.toFixed(1)} s (${formatCount(rate)} rows/s)`
  );
}
