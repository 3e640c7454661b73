/** How a value in an import file is read and shipped to PostgreSQL. */
export type ImportColumnType = 'text' | 'int' | 'numeric' | 'date' | 'boolean';

export interface ImportColumn {
  /** The table column, snake_case exactly as in the migration; also the CSV header / JSON key. */
  name: string;
  type: ImportColumnType;
  /** A missing or empty value is an error (every NOT NULL column). */
  required: boolean;
  /** Text values must match (the whole value). */
  pattern?: RegExp;
  /** Text values must be one of these (a CHECK … IN (…) constraint). */
  enum?: readonly string[];
  /** Inclusive bounds for int and numeric values. */
  min?: number;
  max?: number;
  /** Date values must be the first of a month (`CHECK (month = date_trunc('month', month))`). */
  firstOfMonth?: boolean;
  description?: string;
}

/** A rule over several columns of one row (a table-level CHECK constraint). */
export interface ImportRowCheck {
  /** Said when the rule fails, after `line N: `. */
  message: string;
  test: (row: Readonly<Record<string, unknown>>) => boolean;
}

/**
 * One kind of file a sector accepts through `cswb import <sector> <dataset> <file>`: declared by
 * the sector that owns the table, as data. The natural key must be the table's primary key (or
 * another unique constraint): rows are merged on it, so importing a file twice changes nothing.
 */
export interface ImportDataset {
  name: string;
  description?: string;
  table: string;
  naturalKey: readonly string[];
  columns: readonly ImportColumn[];
  /** Table-level CHECK constraints, validated before anything is written. */
  checks?: readonly ImportRowCheck[];
  /** Materialized views refreshed after rows change (the sector's `<prefix>_measure_monthly`). */
  rollups: readonly string[];
}
