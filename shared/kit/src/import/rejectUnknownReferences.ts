import type { DataSource } from 'typeorm';
import type { ImportDataset } from './ImportDataset';
import { quoteValue } from './quoteValue';
import { SHIPPING_TYPE } from './shippingType';
import type { RejectedRow, ValidationResult } from './validateRecords';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Moves the rows whose referencing columns (`references`) name a row the database does not have
 * to the rejected ones, with a message naming line and column: read before anything is written,
 * so a missing school is reported like any invalid value, not as a foreign key violation.
 */
export async function rejectUnknownReferences(db: DataSource, dataset: ImportDataset, validation: ValidationResult): Promise<ValidationResult> {
  const reasonsByLine = new Map<number, string[]>();
  for (const column of dataset.columns) {
    const reference = column.references;
    if (!reference) continue;
    if (column.type === 'text[]') throw new Error(`column "${column.name}": references are for single-value columns, not text[]`);
    for (const name of [reference.table, reference.column, ...(reference.where ? [reference.where.column] : [])]) {
      if (!IDENTIFIER.test(name)) throw new Error(`"${name}" must be a plain lower-case SQL identifier`);
    }
    const values = [...new Set(validation.rows.map((row) => row.values[column.name]).filter((value) => value !== null))];
    if (values.length === 0) continue;
    const missing = (await db.query(
      `SELECT position::int AS position FROM unnest($1::${SHIPPING_TYPE[column.type]}) WITH ORDINALITY AS u(value, position)
        WHERE NOT EXISTS (SELECT 1 FROM "${reference.table}" WHERE "${reference.column}" = u.value${reference.where ? ` AND "${reference.where.column}" = $2` : ''})`,
      reference.where ? [values, reference.where.equals] : [values],
    )) as { position: number }[];
    const unknown = new Set(missing.map(({ position }) => values[position - 1]));
    const hint = reference.dataset ? ` (import it with the ${reference.dataset} dataset first)` : '';
    for (const row of validation.rows) {
      const value = row.values[column.name];
      if (value === null || !unknown.has(value)) continue;
      const reasons = reasonsByLine.get(row.line) ?? [];
      const expected = reference.description ?? `a ${reference.column} in ${reference.table}`;
      reasons.push(`line ${row.line}, column "${column.name}": ${quoteValue(String(value))} is not ${expected}${hint}`);
      reasonsByLine.set(row.line, reasons);
    }
  }
  if (reasonsByLine.size === 0) return validation;
  const newlyRejected: RejectedRow[] = validation.rows
    .filter((row) => reasonsByLine.has(row.line))
    .map((row) => ({ record: row.record, reasons: reasonsByLine.get(row.line)! }));
  return {
    rows: validation.rows.filter((row) => !reasonsByLine.has(row.line)),
    rejected: [...validation.rejected, ...newlyRejected].sort((a, b) => a.record.line - b.record.line),
  };
}
