import type { DataSource } from 'typeorm';
import { bulkInsert } from '../db/bulkInsert';
import { refreshRollups } from '../db/refreshRollups';
import type { ImportColumnType, ImportDataset } from './ImportDataset';
import type { ValidRow } from './validateRecords';

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface MergeProgress {
  (phase: 'staging' | 'merging' | 'refreshing', done: number, total: number): void;
}

const ARRAY_TYPE: Record<ImportColumnType, string> = {
  text: 'text[]',
  int: 'int[]',
  numeric: 'numeric[]',
  date: 'date[]',
  boolean: 'boolean[]',
};

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const STAGE = 'cswb_import_stage';

/**
 * Writes validated rows in one transaction: bulk into a temporary staging table, then one
 * `INSERT … ON CONFLICT (natural key) DO UPDATE … WHERE the row changed`, then the dataset's
 * rollups (only when a row changed). Any database error rolls everything back.
 */
export async function mergeRows(
  db: DataSource,
  dataset: ImportDataset,
  rows: readonly ValidRow[],
  progress?: MergeProgress,
  chunkSize = 10_000,
): Promise<MergeCounts> {
  for (const name of [dataset.table, ...dataset.columns.map((c) => c.name), ...dataset.rollups]) {
    if (!IDENTIFIER.test(name)) throw new Error(`"${name}" must be a plain lower-case SQL identifier`);
  }
  const columns = dataset.columns.map((c) => c.name);
  const quoted = columns.map((c) => `"${c}"`).join(', ');
  const key = dataset.naturalKey.map((c) => `"${c}"`).join(', ');
  const others = columns.filter((c) => !dataset.naturalKey.includes(c));
  const onConflict = others.length
    ? `DO UPDATE SET ${others.map((c) => `"${c}" = EXCLUDED."${c}"`).join(', ')}
         WHERE ROW(${others.map((c) => `t."${c}"`).join(', ')}) IS DISTINCT FROM ROW(${others.map((c) => `EXCLUDED."${c}"`).join(', ')})`
    : 'DO NOTHING';

  return db.transaction(async (manager) => {
    await manager.query(`CREATE TEMPORARY TABLE ${STAGE} ON COMMIT DROP AS SELECT ${quoted} FROM "${dataset.table}" WITH NO DATA`);
    const bulkColumns = dataset.columns.map((column) => ({
      name: column.name,
      type: ARRAY_TYPE[column.type],
      value: (row: ValidRow) => row.values[column.name],
    }));
    for (let offset = 0; offset < rows.length; offset += chunkSize) {
      await bulkInsert(manager, STAGE, bulkColumns, rows.slice(offset, offset + chunkSize));
      progress?.('staging', Math.min(offset + chunkSize, rows.length), rows.length);
    }
    progress?.('merging', rows.length, rows.length);
    const [counts] = (await manager.query(`
      WITH merged AS (
        INSERT INTO "${dataset.table}" AS t (${quoted})
        SELECT ${quoted} FROM ${STAGE}
        ON CONFLICT (${key}) ${onConflict}
        RETURNING (xmax = 0) AS inserted
      )
      SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM merged`)) as {
      inserted: number;
      updated: number;
    }[];
    if (counts.inserted + counts.updated > 0 && dataset.rollups.length) {
      progress?.('refreshing', rows.length, rows.length);
      await manager.query(`ANALYZE "${dataset.table}"`);
      await refreshRollups(manager, dataset.rollups);
    }
    return { inserted: counts.inserted, updated: counts.updated, unchanged: rows.length - counts.inserted - counts.updated };
  });
}
