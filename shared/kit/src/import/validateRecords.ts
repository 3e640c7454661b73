import { DEFAULT_DAYS_AHEAD, DEFAULT_EARLIEST_DATE, DEFAULT_MAX_LENGTH, fileColumns, ImportColumn, ImportDataset, MAX_SCALAR_LENGTH } from './ImportDataset';
import { CONTROL } from './decodeImportFile';
import { looksLikeFormula } from './neutraliseFormula';
import { quoteValue } from './quoteValue';
import type { ParsedFile, RawRecord, RawValue } from './parseImportFile';

/** A value as shipped to PostgreSQL: text for text, date and numeric, numbers for int, booleans, codes for text[]. */
export type ImportValue = string | number | boolean | readonly string[] | null;

export interface ValidRow {
  line: number;
  /** The table's columns and the child tables' list columns. */
  values: Record<string, ImportValue>;
  /** As read, for the rejects file should a later check (a reference) reject the row. */
  record: RawRecord;
}

export interface RejectedRow {
  record: RawRecord;
  reasons: string[];
}

export interface ValidationOptions {
  /** Today (YYYY-MM-DD, UTC by default): the latest date columns accept is counted from it. */
  today?: string;
}

export interface ValidationResult {
  rows: ValidRow[];
  rejected: RejectedRow[];
}

/** Columns in the file the dataset does not know: a usage error, since no row could be right. */
export function unknownColumns(dataset: ImportDataset, file: ParsedFile): string[] {
  const known = new Set(fileColumns(dataset).map((c) => c.name));
  return file.columns.filter((name) => !known.has(name));
}

/**
 * Checks every record against the dataset's columns and checks, and natural keys for duplicates
 * within the file; messages name the line and column. What passes cannot fail a CHECK constraint.
 */
export function validateRecords(dataset: ImportDataset, file: ParsedFile, options: ValidationOptions = {}): ValidationResult {
  const result: ValidationResult = { rows: [], rejected: [] };
  new RecordValidator(dataset, file.format, options).validate(file.records, result);
  return result;
}

/**
 * validateRecords a slice at a time (an import streams each validated slice to the database
 * while the next is checked): keys seen in earlier slices count as duplicates in later ones.
 */
export class RecordValidator {
  private readonly firstLineOfKey = new Map<string, number>();
  private readonly rules: readonly ColumnRule[];
  private readonly singleKey: string | undefined;

  constructor(
    private readonly dataset: ImportDataset,
    private readonly format: ParsedFile['format'],
    options: ValidationOptions = {},
  ) {
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    this.rules = fileColumns(dataset).map((column) => columnRule(column, today));
    this.singleKey = dataset.naturalKey.length === 1 ? dataset.naturalKey[0] : undefined;
  }

  /** Appends the valid rows of `records` to `into.rows`, the others (with their reasons) to `into.rejected`. */
  validate(records: readonly RawRecord[], into: ValidationResult): void {
    const { dataset, rules, singleKey, firstLineOfKey, format } = this;
    const checks = dataset.checks ?? [];
    const { rows, rejected } = into;
    for (const record of records) {
      // Allocated for the few rows that have a problem only.
      let reasons: string[] | undefined;
      if (record.error) reasons = [`line ${record.line}: ${record.error}`];
      const values: Record<string, ImportValue> = {};
      if (!record.error) {
        for (const rule of rules) {
          const { column } = rule;
          const raw = record.values[column.name];
          if (raw === undefined && format === 'jsonl' && column.required && !(column.name in record.values)) {
            (reasons ??= []).push(`line ${record.line}: missing column "${column.name}"`);
            continue;
          }
          const result = readValue(rule, raw, format);
          if (typeof result === 'object' && result !== null && 'error' in result) {
            (reasons ??= []).push(`line ${record.line}, column "${column.name}": ${result.error}`);
          } else values[column.name] = result;
        }
        if (!reasons) {
          for (const check of checks) if (!check.test(values)) (reasons ??= []).push(`line ${record.line}: ${check.message}`);
        }
        if (!reasons) {
          const key = singleKey !== undefined ? String(values[singleKey]) : JSON.stringify(dataset.naturalKey.map((name) => values[name]));
          const first = firstLineOfKey.get(key);
          if (first !== undefined) {
            const described = dataset.naturalKey.map((name) => `${name} ${JSON.stringify(values[name])}`).join(', ');
            reasons = [`line ${record.line}: duplicate key (${described}): also on line ${first}`];
          } else firstLineOfKey.set(key, record.line);
        }
      }
      if (reasons) rejected.push({ record, reasons });
      else rows.push({ line: record.line, values, record });
    }
  }
}

const INT = /^[+-]?\d+$/;
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `[]` in a CSV list field: the empty list, as distinct from a blank field (no value, NULL). */
const EMPTY_LIST = '[]';
const LIST_SEPARATOR = ';';
/** Longer lists of allowed values are counted in messages, not spelled out. */
const ENUM_SHOWN = 12;

/** A column's rules with what they need resolved once: the allowed set, the anchored pattern, the date bounds. */
interface ColumnRule {
  column: ImportColumn;
  maxLength: number;
  allowed?: ReadonlySet<string>;
  pattern?: RegExp;
  earliest: string;
  latest: string;
  daysAhead: number;
  today: string;
}

function columnRule(column: ImportColumn, today: string): ColumnRule {
  const daysAhead = column.daysAhead ?? DEFAULT_DAYS_AHEAD;
  return {
    column,
    maxLength: column.type === 'text' ? column.maxLength ?? DEFAULT_MAX_LENGTH : MAX_SCALAR_LENGTH,
    allowed: column.enum ? new Set(column.enum) : undefined,
    pattern: column.pattern ? wholeMatch(column.pattern) : undefined,
    earliest: column.earliest ?? DEFAULT_EARLIEST_DATE,
    latest: addDays(today, daysAhead),
    daysAhead,
    today,
  };
}

function readValue(rule: ColumnRule, raw: RawValue, format: ParsedFile['format']): ImportValue | { error: string } {
  const { column } = rule;
  if (column.type === 'text[]') return readList(rule, raw, format);
  if (typeof raw === 'object') return { error: 'expected a single value, not a list' };
  const text = column.type === 'text' ? raw : raw?.trim();
  if (text === undefined || text === '') return column.required ? { error: 'missing value' } : null;
  const tooLong = lengthError(text, rule.maxLength);
  if (tooLong) return { error: tooLong };
  switch (column.type) {
    case 'text': {
      const error = textError(rule, text);
      if (error) return { error };
      return text;
    }
    case 'int': {
      if (!INT.test(text)) return { error: `${JSON.stringify(text)} is not a whole number` };
      const value = Number(text);
      if (value < -2147483648 || value > 2147483647) return { error: `${JSON.stringify(text)} is out of range for an integer` };
      return bounded(column, value, text) ?? value;
    }
    case 'numeric': {
      if (!NUMERIC.test(text)) return { error: `${JSON.stringify(text)} is not a number` };
      return bounded(column, Number(text), text) ?? text;
    }
    case 'date': {
      const match = DATE.exec(text);
      const day = match ? Number(match[3]) : 0;
      if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), day)) {
        return { error: `${JSON.stringify(text)} is not a date (YYYY-MM-DD)` };
      }
      if (column.firstOfMonth && day !== 1) return { error: `${JSON.stringify(text)} is not the first of a month` };
      const { earliest, latest, daysAhead } = rule;
      if (text < earliest) return { error: `${JSON.stringify(text)} is before ${earliest}` };
      if (text > latest) return { error: `${JSON.stringify(text)} is after ${latest} (today ${rule.today}, plus ${daysAhead} day${daysAhead === 1 ? '' : 's'})` };
      return text;
    }
    case 'boolean': {
      if (text === 'true') return true;
      if (text === 'false') return false;
      return { error: `${JSON.stringify(text)} is not a boolean (true or false)` };
    }
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A day of the proleptic Gregorian calendar from year 1 (what Date.setUTCFullYear accepts back unchanged). */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

/** Counts characters (code points) only when the UTF-16 length could exceed the bound. */
function lengthError(text: string, maxLength: number): string | undefined {
  if (text.length <= maxLength) return undefined;
  const characters = [...text].length;
  return characters > maxLength ? `${characters} characters, more than ${maxLength}` : undefined;
}

/**
 * The rules of a text value or of one code of a list: what no column may hold (control
 * characters, a lone surrogate, a formula a spreadsheet would run), then enum and pattern.
 */
function textError(rule: ColumnRule, text: string): string | undefined {
  if (SUSPICIOUS.test(text)) {
    const error = unsafeTextError(text);
    if (error) return error;
  }
  if (rule.allowed && !rule.allowed.has(text)) {
    const allowed = rule.column.enum!;
    return allowed.length > ENUM_SHOWN
      ? `${quoteValue(text)} is not one of the ${allowed.length} allowed codes (docs/import.md lists them)`
      : `${quoteValue(text)} is not one of ${allowed.join(', ')}`;
  }
  if (rule.pattern && !rule.pattern.test(text)) return `${quoteValue(text)} does not match ${rule.column.pattern!.source}`;
  return undefined;
}

/**
 * Where a value may hold what unsafeTextError refuses: a control character, a surrogate (paired
 * ones are fine), a formula's first character. One test per value; most values have none.
 */
const SUSPICIOUS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff]|^[\t\r\n]|^\s*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/** What no text value may hold: control characters, a lone surrogate, a formula a spreadsheet would run. */
function unsafeTextError(text: string): string | undefined {
  const control = CONTROL.exec(text);
  if (control) return `${quoteValue(text)} holds control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (LONE_SURROGATE.test(text)) return `${quoteValue(text)} is not well-formed Unicode (a lone surrogate)`;
  if (looksLikeFormula(text)) return `${quoteValue(text)} starts like a spreadsheet formula (=, +, -, @, tab or CR): refused`;
  return undefined;
}

/** CSV: codes separated by `;` (`[]`: none); JSON lines: an array of strings. Blank or null: no value. */
function readList(rule: ColumnRule, raw: RawValue, format: ParsedFile['format']): ImportValue | { error: string } {
  const { column } = rule;
  if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return column.required ? { error: 'missing value' } : null;
  let codes: readonly string[];
  if (typeof raw === 'object') codes = raw;
  else if (format === 'jsonl') return { error: `expected a JSON array of codes, e.g. ["A", "B"], not ${JSON.stringify(raw)}` };
  else if (raw.trim() === EMPTY_LIST) codes = [];
  else {
    codes = raw.split(LIST_SEPARATOR).map((code) => code.trim());
    if (codes.includes('')) return { error: `${JSON.stringify(raw)} has an empty code: separate codes with a single "${LIST_SEPARATOR}" (write [] for none)` };
  }
  const seen = new Set<string>();
  for (const code of codes) {
    const error = textError(rule, code);
    if (error) return { error };
    if (seen.has(code)) return { error: `${JSON.stringify(code)} is listed twice` };
    seen.add(code);
  }
  const order = column.enum;
  return order ? [...codes].sort((a, b) => order.indexOf(a) - order.indexOf(b)) : codes;
}

function bounded(column: ImportColumn, value: number, text: string): { error: string } | undefined {
  if (column.min !== undefined && value < column.min) return { error: `${JSON.stringify(text)} is less than ${column.min}` };
  if (column.max !== undefined && value > column.max) return { error: `${JSON.stringify(text)} is more than ${column.max}` };
  return undefined;
}

/** The pattern anchored at both ends, without state-keeping flags. */
function wholeMatch(pattern: RegExp): RegExp {
  return new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ''));
}
