import * as fs from 'node:fs';
import { fileColumns, ImportDataset } from './ImportDataset';
import { neutraliseFormula } from './neutraliseFormula';
import type { RawValue } from './parseImportFile';
import type { RejectedRow } from './validateRecords';

/**
 * One CSV cell, safe to open in a spreadsheet: a cell that would start a formula gets a leading
 * `'` and quotes (OWASP), as does any cell with a quote, comma or line break.
 */
function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return safe !== value || /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A JSON lines list in the CSV notation of list columns, so the rejects file can be fixed and imported. */
function asText(value: RawValue): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value.length ? value.join(';') : '[]';
}

/** The rejected rows as CSV: `line,reason`, then the dataset's columns as they were in the file (formulas neutralised). */
export function writeRejects(path: string, dataset: ImportDataset, rejected: readonly RejectedRow[]): void {
  const names = fileColumns(dataset).map((c) => c.name);
  const lines = [['line', 'reason', ...names].join(',')];
  for (const { record, reasons } of rejected) {
    lines.push([String(record.line), reasons.join('; '), ...names.map((name) => asText(record.values[name]))].map(csvField).join(','));
  }
  fs.writeFileSync(path, `${lines.join('\n')}\n`);
}
