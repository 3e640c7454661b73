import type { EntityManager } from 'typeorm';

export interface BulkColumn<Row> {
  name: string;
  /** PostgreSQL array type used to ship the column, e.g. `text[]`, `int[]`, `date[]`. */
  type: string;
  value: (row: Row) => unknown;
}

/**
 * Inserts rows column-wise through `unnest`: one statement per chunk instead of one
 * per row, which is what makes seeding large synthetic cities fast.
 */
export async function bulkInsert<Row>(
  manager: EntityManager,
  table: string,
  columns: readonly BulkColumn<Row>[],
  rows: readonly Row[],
  chunkSize = 20_000,
): Promise<number> {
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}`).join(', ');
  const sql = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${unnest})`;
  for (let offset = 0; offset < rows.length; offset += chunkSize) {
    const chunk = rows.slice(offset, offset + chunkSize);
    await manager.query(sql, columns.map((column) => chunk.map(column.value)));
  }
  return rows.length;
}
