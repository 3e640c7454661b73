import type { ImportColumn, ImportDataset } from './ImportDataset';
import type { ParsedFile, RawRecord } from './parseImportFile';

/** A value as shipped to PostgreSQL: text for text, date and numeric, numbers for int, booleans. */
export type ImportValue = string | number | boolean | null;

export interface ValidRow {
  line: number;
  values: Record<string, ImportValue>;
}

export interface RejectedRow {
  record: RawRecord;
  reasons: string[];
}

export interface ValidationResult {
  rows: ValidRow[];
  rejected: RejectedRow[];
}

/** Columns in the file the dataset does not know: a usage error, since no row could be right. */
export function unknownColumns(dataset: ImportDataset, file: ParsedFile): string[] {
  const known = new Set(dataset.columns.map((c) => c.name));
  return file.columns.filter((name) => !known.has(name));
}

/**
 * Checks every record against the dataset's columns and checks, and natural keys for duplicates
 * within the file; messages name the line and column. What passes cannot fail a CHECK constraint.
 */
export function validateRecords(dataset: ImportDataset, file: ParsedFile): ValidationResult {
  const rows: ValidRow[] = [];
  const rejected: RejectedRow[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (const record of file.records) {
    const reasons: string[] = [];
    if (record.error) reasons.push(`line ${record.line}: ${record.error}`);
    const values: Record<string, ImportValue> = {};
    if (!record.error) {
      for (const column of dataset.columns) {
        const raw = record.values[column.name];
        if (raw === undefined && !(column.name in record.values) && file.format === 'jsonl' && column.required) {
          reasons.push(`line ${record.line}: missing column "${column.name}"`);
          continue;
        }
        const result = readValue(column, raw);
        if (typeof result === 'object' && result !== null && 'error' in result) {
          reasons.push(`line ${record.line}, column "${column.name}": ${result.error}`);
        } else values[column.name] = result;
      }
      if (reasons.length === 0) {
        for (const check of dataset.checks ?? []) if (!check.test(values)) reasons.push(`line ${record.line}: ${check.message}`);
      }
      if (reasons.length === 0) {
        const key = JSON.stringify(dataset.naturalKey.map((name) => values[name]));
        const first = firstLineOfKey.get(key);
        if (first !== undefined) {
          const described = dataset.naturalKey.map((name) => `${name} ${JSON.stringify(values[name])}`).join(', ');
          reasons.push(`line ${record.line}: duplicate key (${described}): also on line ${first}`);
        } else firstLineOfKey.set(key, record.line);
      }
    }
    if (reasons.length) rejected.push({ record, reasons });
    else rows.push({ line: record.line, values });
  }
  return { rows, rejected };
}

const INT = /^[+-]?\d+$/;
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function readValue(column: ImportColumn, raw: string | undefined): ImportValue | { error: string } {
  const text = column.type === 'text' ? raw : raw?.trim();
  if (text === undefined || text === '') return column.required ? { error: 'missing value' } : null;
  const shown = JSON.stringify(text);
  switch (column.type) {
    case 'text': {
      if (column.enum && !column.enum.includes(text)) return { error: `${shown} is not one of ${column.enum.join(', ')}` };
      if (column.pattern && !wholeMatch(column.pattern, text)) return { error: `${shown} does not match ${column.pattern.source}` };
      return text;
    }
    case 'int': {
      if (!INT.test(text)) return { error: `${shown} is not a whole number` };
      const value = Number(text);
      if (value < -2147483648 || value > 2147483647) return { error: `${shown} is out of range for an integer` };
      return bounded(column, value, shown) ?? value;
    }
    case 'numeric': {
      if (!NUMERIC.test(text)) return { error: `${shown} is not a number` };
      return bounded(column, Number(text), shown) ?? text;
    }
    case 'date': {
      const match = DATE.exec(text);
      const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
      const date = new Date(Date.UTC(year, month - 1, day));
      if (!match || year < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
        return { error: `${shown} is not a date (YYYY-MM-DD)` };
      }
      if (column.firstOfMonth && day !== 1) return { error: `${shown} is not the first of a month` };
      return text;
    }
    case 'boolean': {
      if (text === 'true') return true;
      if (text === 'false') return false;
      return { error: `${shown} is not a boolean (true or false)` };
    }
  }
}

function bounded(column: ImportColumn, value: number, shown: string): { error: string } | undefined {
  if (column.min !== undefined && value < column.min) return { error: `${shown} is less than ${column.min}` };
  if (column.max !== undefined && value > column.max) return { error: `${shown} is more than ${column.max}` };
  return undefined;
}

function wholeMatch(pattern: RegExp, text: string): boolean {
  const whole = new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ''));
  return whole.test(text);
}
