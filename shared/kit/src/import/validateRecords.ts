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
  private readonly today: string;
  private readonly firstLineOfKey = new Map<string, number>();
  private readonly columns: readonly ImportColumn[];
  private readonly singleKey: string | undefined;

  constructor(
    private readonly dataset: ImportDataset,
    private readonly format: ParsedFile['format'],
    options: ValidationOptions = {},
  ) {
    this.today = options.today ?? new Date().toISOString().slice(0, 10);
    this.columns = fileColumns(dataset);
    this.singleKey = dataset.naturalKey.length === 1 ? dataset.naturalKey[0] : undefined;
  }

  /** Appends the valid rows of `records` to `into.rows`, the others (with their reasons) to `into.rejected`. */
  validate(records: readonly RawRecord[], into: ValidationResult): void {
    const { dataset, columns, singleKey, firstLineOfKey, today } = this;
    const { rows, rejected } = into;
    for (const record of records) {
      const reasons: string[] = [];
      if (record.error) reasons.push(`line ${record.line}: ${record.error}`);
      const values: Record<string, ImportValue> = {};
      if (!record.error) {
        for (const column of columns) {
          const raw = record.values[column.name];
          if (raw === undefined && !(column.name in record.values) && this.format === 'jsonl' && column.required) {
            reasons.push(`line ${record.line}: missing column "${column.name}"`);
            continue;
          }
          const result = readValue(column, raw, this.format, today);
          if (typeof result === 'object' && result !== null && 'error' in result) {
            reasons.push(`line ${record.line}, column "${column.name}": ${result.error}`);
          } else values[column.name] = result;
        }
        if (reasons.length === 0) {
          for (const check of dataset.checks ?? []) if (!check.test(values)) reasons.push(`line ${record.line}: ${check.message}`);
        }
        if (reasons.length === 0) {
          const key = singleKey !== undefined ? String(values[singleKey]) : JSON.stringify(dataset.naturalKey.map((name) => values[name]));
          const first = firstLineOfKey.get(key);
          if (first !== undefined) {
            const described = dataset.naturalKey.map((name) => `${name} ${JSON.stringify(values[name])}`).join(', ');
            reasons.push(`line ${record.line}: duplicate key (${described}): also on line ${first}`);
          } else firstLineOfKey.set(key, record.line);
        }
      }
      if (reasons.length) rejected.push({ record, reasons });
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

function readValue(column: ImportColumn, raw: RawValue, format: ParsedFile['format'], today: string): ImportValue | { error: string } {
  if (column.type === 'text[]') return readList(column, raw, format);
  if (typeof raw === 'object') return { error: 'expected a single value, not a list' };
  const text = column.type === 'text' ? raw : raw?.trim();
  if (text === undefined || text === '') return column.required ? { error: 'missing value' } : null;
  const tooLong = lengthError(text, column.type === 'text' ? column.maxLength ?? DEFAULT_MAX_LENGTH : MAX_SCALAR_LENGTH);
  if (tooLong) return { error: tooLong };
  switch (column.type) {
    case 'text': {
      const error = textError(column, text);
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
      const earliest = column.earliest ?? DEFAULT_EARLIEST_DATE;
      const latest = latestDate(today, column.daysAhead ?? DEFAULT_DAYS_AHEAD);
      if (text < earliest) return { error: `${JSON.stringify(text)} is before ${earliest}` };
      if (text > latest) return { error: `${JSON.stringify(text)} is after ${latest} (today ${today}, plus ${column.daysAhead ?? DEFAULT_DAYS_AHEAD} day${(column.daysAhead ?? DEFAULT_DAYS_AHEAD) === 1 ? '' : 's'})` };
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

// Once per rule and day, not once per value (a Date per value was a tenth of an import's validation).
const latestDates = new Map<string, string>();

function latestDate(today: string, days: number): string {
  const key = `${today}+${days}`;
  let latest = latestDates.get(key);
  if (latest === undefined) latestDates.set(key, (latest = addDays(today, days)));
  return latest;
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
function textError(column: ImportColumn, text: string): string | undefined {
  const control = CONTROL.exec(text);
  if (control) return `${quoteValue(text)} holds control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (LONE_SURROGATE.test(text)) return `${quoteValue(text)} is not well-formed Unicode (a lone surrogate)`;
  if (looksLikeFormula(text)) return `${quoteValue(text)} starts like a spreadsheet formula (=, +, -, @, tab or CR): refused`;
  if (column.enum && !allowed(column.enum).has(text)) {
    return column.enum.length > ENUM_SHOWN
      ? `${quoteValue(text)} is not one of the ${column.enum.length} allowed codes (docs/import.md lists them)`
      : `${quoteValue(text)} is not one of ${column.enum.join(', ')}`;
  }
  if (column.pattern && !wholeMatch(column.pattern).test(text)) return `${quoteValue(text)} does not match ${column.pattern.source}`;
  return undefined;
}

/** CSV: codes separated by `;` (`[]`: none); JSON lines: an array of strings. Blank or null: no value. */
function readList(column: ImportColumn, raw: RawValue, format: ParsedFile['format']): ImportValue | { error: string } {
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
    const error = textError(column, code);
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

// Built once per declared rule, not once per value: a file has hundreds of thousands of values.
const wholeMatches = new WeakMap<RegExp, RegExp>();
const enumSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The pattern anchored at both ends, without state-keeping flags. */
function wholeMatch(pattern: RegExp): RegExp {
  let whole = wholeMatches.get(pattern);
  if (!whole) wholeMatches.set(pattern, (whole = new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ''))));
  return whole;
}

function allowed(values: readonly string[]): ReadonlySet<string> {
  let set = enumSets.get(values);
  if (!set) enumSets.set(values, (set = new Set(values)));
  return set;
}
