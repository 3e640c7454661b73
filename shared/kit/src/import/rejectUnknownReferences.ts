import type { DataSource } from 'typeorm';
import type { ImportDataset } from './ImportDataset';
import { quoteValue } from './quoteValue';
import { SHIPPING_TYPE } from './shippingType';
import type { ImportValue, RejectedRow, ValidationResult, ValidRow } from './validateRecords';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Moves the rows whose referencing columns (`references`) name a row the database does not have
 * to the rejected ones, with a message naming line and column: read before anything is written,
 * so a missing school is reported like any invalid value, not as a foreign key violation.
 */
export async function rejectUnknownReferences(db: DataSource, dataset: ImportDataset, validation: ValidationResult): Promise<ValidationResult> {
  const reasonsByLine = await new ReferenceChecker(db, dataset).check(validation.rows);
  if (reasonsByLine.size === 0) return validation;
  const newlyRejected: RejectedRow[] = validation.rows
    .filter((row) => reasonsByLine.has(row.line))
    .map((row) => ({ record: row.record, reasons: reasonsByLine.get(row.line)! }));
  return {
    rows: validation.rows.filter((row) => !reasonsByLine.has(row.line)),
    rejected: [...validation.rejected, ...newlyRejected].sort((a, b) => a.record.line - b.record.line),
  };
}

/**
 * The reference checks of rejectUnknownReferences a slice of rows at a time: each distinct value
 * is looked up once per import (a file names the same few hundred areas over and over).
 */
export class ReferenceChecker {
  /** Per referencing column: value → whether the database has it. */
  private readonly known = new Map<string, Map<ImportValue, boolean>>();

  constructor(
    private readonly db: Pick<DataSource, 'query'>,
    private readonly dataset: ImportDataset,
  ) {
    for (const column of dataset.columns) {
      const reference = column.references;
      if (!reference) continue;
      if (column.type === 'text[]') throw new Error(`column "${column.name}": references are for single-value columns, not text[]`);
      for (const name of [reference.table, reference.column, ...(reference.where ? [reference.where.column] : [])]) {
        if (!IDENTIFIER.test(name)) throw new Error(`"${name}" must be a plain lower-case SQL identifier`);
      }
      this.known.set(column.name, new Map());
    }
  }

  /** The reasons (by line) of the rows that name a row the database does not have, in column order. */
  async check(rows: readonly ValidRow[]): Promise<Map<number, string[]>> {
    const reasonsByLine = new Map<number, string[]>();
    for (const column of this.dataset.columns) {
      const reference = column.references;
      const known = this.known.get(column.name);
      if (!reference || !known) continue;
      // One pass over the slice: values not looked up yet, and whether a row names one known to be missing.
      const values = new Set<ImportValue>();
      let missingSeen = false;
      for (const row of rows) {
        const value = row.values[column.name];
        if (value === null) continue;
        const found = known.get(value);
        if (found === undefined) values.add(value);
        else if (!found) missingSeen = true;
      }
      if (values.size) {
        const asked = [...values];
        const missing = (await this.db.query(
          `SELECT position::int AS position FROM unnest($1::${SHIPPING_TYPE[column.type]}) WITH ORDINALITY AS u(value, position)
            WHERE NOT EXISTS (SELECT 1 FROM "${reference.table}" WHERE "${reference.column}" = u.value${reference.where ? ` AND "${reference.where.column}" = $2` : ''})`,
          reference.where ? [asked, reference.where.equals] : [asked],
        )) as { position: number }[];
        for (const value of asked) known.set(value, true);
        for (const { position } of missing) known.set(asked[position - 1], false);
        missingSeen ||= missing.length > 0;
      }
      if (!missingSeen) continue;
      const hint = reference.dataset ? ` (import it with the ${reference.dataset} dataset first)` : '';
      const expected = reference.description ?? `a ${reference.column} in ${reference.table}`;
      for (const row of rows) {
        const value = row.values[column.name];
        if (value === null || known.get(value) !== false) continue;
        const reasons = reasonsByLine.get(row.line) ?? [];
        reasons.push(`line ${row.line}, column "${column.name}": ${quoteValue(String(value))} is not ${expected}${hint}`);
        reasonsByLine.set(row.line, reasons);
      }
    }
    return reasonsByLine;
  }
}
