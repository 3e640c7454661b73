/**
 * How a value in an import file is read and shipped to PostgreSQL. `text[]` is a set of codes:
 * in CSV the codes separated by `;` (`[]` is the empty list), in JSON lines an array of strings;
 * no code twice, each checked like a `text` value (enum, pattern), stored in the enum's order.
 */
export type ImportColumnType = 'text' | 'int' | 'numeric' | 'date' | 'boolean' | 'text[]';

/** A foreign key: the value must already be in another table (loaded before, e.g. by another dataset). */
export interface ImportReference {
  table: string;
  column: string;
  /** The dataset of the same sector that loads the referenced table, named in the message. */
  dataset?: string;
  /** Only rows of the referenced table with this value in this column count (an area of kind NEIGHBOURHOOD). */
  where?: { column: string; equals: string };
  /** What the value must be, in messages: `is not a neighbourhood of the area registry`. */
  description?: string;
}

/** Text values of a column that declares no maxLength: ids, codes and names are all shorter. */
export const DEFAULT_MAX_LENGTH = 200;
/** A value of a non-text column (a number, a date, a boolean) is never longer. */
export const MAX_SCALAR_LENGTH = 40;
/** Earliest date a date column accepts unless it declares `earliest`. */
export const DEFAULT_EARLIEST_DATE = '1900-01-01';
/** Days after today a date column accepts unless it declares `daysAhead`: a file exported in a time zone ahead of UTC. */
export const DEFAULT_DAYS_AHEAD = 1;

export interface ImportColumn {
  /** The table column, snake_case exactly as in the migration; also the CSV header / JSON key. */
  name: string;
  type: ImportColumnType;
  /** A missing or empty value is an error (every NOT NULL column). */
  required: boolean;
  /** Text values (each code of a text[] value) must match (the whole value). */
  pattern?: RegExp;
  /** Text values (each code of a text[] value) must be one of these (a CHECK … IN (…) constraint). */
  enum?: readonly string[];
  /** Text values must be at most this many characters (a CHECK length(…) BETWEEN 1 AND n constraint); default DEFAULT_MAX_LENGTH. */
  maxLength?: number;
  /** Date values must not be before this date (YYYY-MM-DD); default DEFAULT_EARLIEST_DATE. */
  earliest?: string;
  /** Date values must not be more than this many days after today; default DEFAULT_DAYS_AHEAD. */
  daysAhead?: number;
  /** Inclusive bounds for int and numeric values. */
  min?: number;
  max?: number;
  /** Date values must be the first of a month (`CHECK (month = date_trunc('month', month))`). */
  firstOfMonth?: boolean;
  /** Checked against the database before anything is written, so a missing row is a row error, not a rolled back import. */
  references?: ImportReference;
  description?: string;
}

/** A rule over several columns of one row (a table-level CHECK constraint). */
export interface ImportRowCheck {
  /** Said when the rule fails, after `line N: `. */
  message: string;
  test: (row: Readonly<Record<string, unknown>>) => boolean;
}

/**
 * A child table filled from one list column of the file: one child row per code, keyed by the
 * parent's natural key. Importing a parent row replaces its child rows with the file's list
 * (blank or `[]`: none). `(parentKey…, valueColumn)` must be the child table's primary key.
 */
export interface ImportChildTable {
  /** The file's list column (type `text[]`); not a column of the parent table. */
  column: ImportColumn;
  table: string;
  /** The child's columns holding the parent's natural key, in the order of the dataset's `naturalKey`. */
  parentKey: readonly string[];
  /** The child's column holding one code of the list. */
  valueColumn: string;
}

/**
 * One kind of file a sector accepts through `cswb import <sector> <dataset> <file>`: declared by
 * the sector that owns the table, as data. The natural key must be the table's primary key (or
 * another unique constraint): rows are merged on it, so importing a file twice changes nothing.
 * A sector lists its datasets in load order: a referenced table's dataset before those referring to it.
 */
export interface ImportDataset {
  name: string;
  description?: string;
  table: string;
  naturalKey: readonly string[];
  columns: readonly ImportColumn[];
  /** Table-level CHECK constraints, validated before anything is written. */
  checks?: readonly ImportRowCheck[];
  /** Child tables filled from list columns of the file. */
  children?: readonly ImportChildTable[];
  /** Materialized views refreshed after rows change (the sector's `<prefix>_measure_monthly`). */
  rollups: readonly string[];
}

/** Every column a file of the dataset may have: the table's, then the child tables' list columns. */
export function fileColumns(dataset: ImportDataset): readonly ImportColumn[] {
  return [...dataset.columns, ...(dataset.children ?? []).map((child) => child.column)];
}
