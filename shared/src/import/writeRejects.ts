import * as fs from 'node:fs';
import type { ImportDataset } from './ImportDataset';
import type { RejectedRow } from './validateRecords';

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The rejected rows as CSV: `line,reason`, then the dataset's columns as they were in the file. */
export function writeRejects(path: string, dataset: ImportDataset, rejected: readonly RejectedRow[]): void {
  const names = dataset.columns.map((c) => c.name);
  const lines = [['line', 'reason', ...names].join(',')];
  for (const { record, reasons } of rejected) {
    lines.push([String(record.line), reasons.join('; '), ...names.map((name) => record.values[name] ?? '')].map(csvField).join(','));
  }
  fs.writeFileSync(path, `${lines.join('\n')}\n`);
}
