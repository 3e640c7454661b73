import type { ImportColumnType } from './ImportDataset';
import type { ImportValue } from './validateRecords';

/**
 * The PostgreSQL array type a column's values travel in to `unnest`. A text[] value travels as
 * its array literal (`{"A","B"}`), cast back per row: unnest cannot take arrays of arrays of
 * different lengths.
 */
export const SHIPPING_TYPE: Record<ImportColumnType, string> = {
  text: 'text[]',
  int: 'int[]',
  numeric: 'numeric[]',
  date: 'date[]',
  boolean: 'boolean[]',
  'text[]': 'text[]',
};

/** A value as it travels: a list as its PostgreSQL array literal, anything else as it is. */
export function shippedValue(value: ImportValue | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') return value;
  return `{${value.map((code) => `"${code.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
