import type { DataSource } from 'typeorm';

/** The columns every sector's measure rollup has (see `measureSql`). */
const ROLLUP_COLUMNS = ['area_id', 'month', 'measure', 'value', 'stock', 'key_sum'] as const;

/**
 * Fails fast, when a subgraph prepares its database, if the measure rollup its indicators are
 * read from is missing or lacks a column: otherwise the first indicator asked for would fail.
 */
export async function checkMeasureRollup(db: Pick<DataSource, 'query'>, rollup: string): Promise<void> {
  const rows: { attname: string }[] = await db.query(
    `SELECT attname FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped`,
    [rollup],
  );
  if (rows.length === 0) throw new Error(`the measure rollup ${rollup} does not exist: one of the sector's migrations must create it (docs/adding-a-sector.md)`);
  const missing = ROLLUP_COLUMNS.filter((column) => !rows.some((row) => row.attname === column));
  if (missing.length > 0) {
    throw new Error(
      `the measure rollup ${rollup} has no column ${missing.join(', ')}: it needs ${ROLLUP_COLUMNS.join(', ')}, ` +
        'key_sum being the key sum of the units counted, which disclosure control perturbs by (docs/privacy.md)',
    );
  }
}
