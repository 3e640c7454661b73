/** A field as read: text, or the strings of a JSON array (a list column in JSON lines). */
export type RawValue = string | readonly string[] | undefined;

/** One data record of an import file with the physical line it starts on (the header is line 1). */
export interface RawRecord {
  line: number;
  /** Column name → raw value (a JSON array of strings as a list); `undefined` when the record lacks the column. */
  values: Record<string, RawValue>;
  /** A problem found while reading the record itself (wrong field count, bad JSON). */
  error?: string;
}

export interface ParsedFile {
  format: 'csv' | 'jsonl';
  /** The CSV header, or every key seen in a JSON lines file, in first-seen order. */
  columns: string[];
  records: RawRecord[];
}

/** The file cannot be imported: a usage error (an option, an empty file). */
export class ImportFileError extends Error {}

/** The file's content is invalid data (bad bytes, an unclosed quote): nothing is written, exit 1. */
export class InvalidImportFileError extends ImportFileError {}

export function formatFor(file: string, explicit?: string): 'csv' | 'jsonl' {
  if (explicit === 'csv' || explicit === 'jsonl') return explicit;
  if (explicit !== undefined) throw new ImportFileError(`--format must be csv or jsonl, not "${explicit}"`);
  return /\.(jsonl|ndjson)$/i.test(file) ? 'jsonl' : 'csv';
}

export function parseImportFile(text: string, format: 'csv' | 'jsonl'): ParsedFile {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return format === 'csv' ? parseCsv(text) : parseJsonLines(text);
}

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** RFC 4180 CSV with a header row: quoted fields may hold commas, quotes ("") and newlines. */
function parseCsv(text: string): ParsedFile {
  const { columns, records } = openCsv(text);
  return { format: 'csv', columns, records: [...records] };
}

/**
 * A CSV file's header, and its records read as they are asked for (an import validates and
 * writes each slice while the rest is still unread). Reading throws InvalidImportFileError at
 * a quoted field that is not closed; an empty file throws ImportFileError at once.
 */
export function openCsv(text: string): { columns: string[]; records: Generator<RawRecord, void, undefined> } {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const reader = { text, i: 0, line: 1 };
  let header: string[] | undefined;
  for (let fields = readCsvFields(reader); fields; fields = readCsvFields(reader)) {
    if (fields.fields.length === 1 && fields.fields[0] === '') continue; // a blank line
    header = fields.fields.map((name) => name.trim());
    break;
  }
  if (!header) throw new ImportFileError('the file is empty: expected a header line');
  return { columns: header, records: csvRecords(reader, header) };
}

function* csvRecords(reader: CsvReader, header: readonly string[]): Generator<RawRecord, void, undefined> {
  for (let read = readCsvFields(reader); read; read = readCsvFields(reader)) {
    const { fields, startLine } = read;
    if (fields.length === 1 && fields[0] === '') continue; // a blank line
    const values: Record<string, RawValue> = {};
    for (let index = 0; index < header.length; index++) values[header[index]] = fields[index];
    const error = fields.length === header.length ? undefined : `${fields.length} fields, expected ${header.length} (as in the header)`;
    yield { line: startLine, values, error };
  }
}

interface CsvReader {
  text: string;
  /** Offset of the next character. */
  i: number;
  /** Physical line of that character. */
  line: number;
}

/** The next record's fields and the line it starts on, or undefined at the end of the text. */
function readCsvFields(reader: CsvReader): { fields: string[]; startLine: number } | undefined {
  const { text } = reader;
  const n = text.length;
  let { i, line } = reader;
  if (i >= n) return undefined;
  const startLine = line;
  const fields: string[] = [];
  let field = '';
  let endOfRecord = false;
  while (!endOfRecord) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new InvalidImportFileError(`line ${startLine}: a quoted field is not closed`);
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          if (c === '\n') line++;
          field += c;
          i++;
        }
      }
    }
    // Unquoted part (or what follows a closing quote), taken as one slice.
    const start = i;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (code === COMMA || code === LF || code === CR) break;
      i++;
    }
    if (i > start) field += text.slice(start, i);
    fields.push(field);
    field = '';
    if (i >= n) endOfRecord = true;
    else if (text[i] === ',') i++;
    else {
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      endOfRecord = true;
    }
  }
  reader.i = i;
  reader.line = line;
  return { fields, startLine };
}

/**
 * One JSON object per line; blank lines are skipped. Numbers and booleans are read as their text,
 * arrays of strings as lists.
 */
function parseJsonLines(text: string): ParsedFile {
  const columns: string[] = [];
  const seen = new Set<string>();
  const records: RawRecord[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const source = raw.trim();
    if (source === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch (error) {
      records.push({ line, values: {}, error: `not valid JSON (${(error as Error).message})` });
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      records.push({ line, values: {}, error: 'expected a JSON object' });
      return;
    }
    const values: Record<string, RawValue> = {};
    let error: string | undefined;
    for (const [key, value] of Object.entries(parsed)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
      if (value === null) values[key] = undefined;
      else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[key] = String(value);
      else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) values[key] = value;
      else if (Array.isArray(value)) error ??= `column "${key}": expected an array of strings`;
      else error ??= `column "${key}": expected a string, number, boolean or array of strings, not an object`;
    }
    records.push({ line, values, error });
  });
  return { format: 'jsonl', columns, records };
}
