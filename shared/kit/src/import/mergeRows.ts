import type { DataSource, EntityManager } from 'typeorm';
import { copyFrom, copyRows, copyTextChunks } from '../db/copyFrom';
import { refreshRollups } from '../db/refreshRollups';
import type { ImportChildTable, ImportDataset } from './ImportDataset';
import { shippedValue } from './shippingType';
import type { ValidRow } from './validateRecords';

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface MergeProgress {
  (phase: 'staging' | 'merging' | 'refreshing', done: number, total: number): void;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const STAGE = 'cswb_import_stage';
/** With child tables: the natural keys of the rows inserted or changed (in the table or its child tables). */
const CHANGED = 'cswb_import_changed';
const childStage = (index: number) => `cswb_import_child_stage_${index}`;

const columnList = (names: readonly string[], alias?: string) => names.map((name) => `${alias ? `${alias}.` : ''}"${name}"`).join(', ');

/**
 * Writes validated rows in one transaction: COPY into a temporary staging table, then an UPDATE
 * of the rows that exist and changed and an INSERT of the new ones, then the dataset's
 * rollups (only when a row changed). Child tables are replaced per parent row with the rows of
 * its list column: stale ones deleted before the merge (a parent may change the key they refer
 * to), new ones inserted after it. Any database error rolls everything back.
 */
export async function mergeRows(
  db: DataSource,
  dataset: ImportDataset,
  rows: readonly ValidRow[],
  progress?: MergeProgress,
): Promise<MergeCounts> {
  return db.transaction((manager) => mergeInTransaction(manager, dataset, rows, progress));
}

/** Checks that the dataset's names can be spliced into SQL and its child tables are well declared. */
export function checkDatasetIdentifiers(dataset: ImportDataset): void {
  const children = dataset.children ?? [];
  const identifiers = [
    dataset.table,
    ...dataset.columns.map((c) => c.name),
    ...dataset.rollups,
    ...children.flatMap((child) => [child.table, child.valueColumn, ...child.parentKey]),
  ];
  for (const name of identifiers) {
    if (!IDENTIFIER.test(name)) throw new Error(`"${name}" must be a plain lower-case SQL identifier`);
  }
  for (const child of children) {
    if (child.parentKey.length !== dataset.naturalKey.length) {
      throw new Error(`child table ${child.table}: parentKey must name one column per natural key column (${dataset.naturalKey.join(', ')})`);
    }
    if (child.column.type !== 'text[]') throw new Error(`child table ${child.table}: its column "${child.column.name}" must be of type text[]`);
  }
}

/**
 * mergeRows inside the caller's transaction. `refresh: false` leaves ANALYZE and the rollups to
 * the caller (which writes other rows in the same transaction).
 */
export async function mergeInTransaction(
  manager: EntityManager,
  dataset: ImportDataset,
  rows: readonly ValidRow[],
  progress?: MergeProgress,
  refresh = true,
): Promise<MergeCounts> {
  checkDatasetIdentifiers(dataset);
  await createStage(manager, dataset);
  await copyFrom(manager.queryRunner!, stageCopySql(dataset), copyTextChunks(stageColumns(dataset), rows, (done) => progress?.('staging', done, rows.length)));
  for (const [index, child] of (dataset.children ?? []).entries()) await stageChildRows(manager, dataset, child, childStage(index), rows);
  return mergeStage(manager, dataset, rows.length, progress, refresh);
}

/** The temporary table rows are staged in before the merge, dropped at the commit. */
export async function createStage(manager: EntityManager, dataset: ImportDataset): Promise<void> {
  // List columns are staged as their array literals (shippedValue) and cast back on the merge.
  const staged = dataset.columns.map((c) => (c.type === 'text[]' ? `"${c.name}"::text AS "${c.name}"` : `"${c.name}"`)).join(', ');
  await manager.query(`CREATE TEMPORARY TABLE ${STAGE} ON COMMIT DROP AS SELECT ${staged} FROM "${dataset.table}" WITH NO DATA`);
}

/** `COPY` of the dataset's columns (stageColumns' text) into the stage. */
export function stageCopySql(dataset: ImportDataset): string {
  return `COPY ${STAGE} (${columnList(dataset.columns.map((c) => c.name))}) FROM STDIN`;
}

/** A validated row's value for each of the dataset's columns, as COPY text takes it. */
export function stageColumns(dataset: ImportDataset): { name: string; value: (row: ValidRow) => string | number | boolean | null }[] {
  return dataset.columns.map((column) => ({ name: column.name, value: (row: ValidRow) => shippedValue(row.values[column.name]) }));
}

/**
 * The merge of the `staged` rows of the stage (and of the child stages, with child tables) into
 * the table: an UPDATE of the rows that exist and changed (their record keys kept), an INSERT of
 * the new ones (fresh keys from the column's default).
 */
export async function mergeStage(manager: EntityManager, dataset: ImportDataset, staged: number, progress?: MergeProgress, refresh = true): Promise<MergeCounts> {
  checkDatasetIdentifiers(dataset);
  const children = dataset.children ?? [];
  const quoted = columnList(dataset.columns.map((c) => c.name));
  const key = columnList(dataset.naturalKey);
  const fromStage = (c: ImportDataset['columns'][number]) => (c.type === 'text[]' ? `s."${c.name}"::text[]` : `s."${c.name}"`);
  const otherColumns = dataset.columns.filter((c) => !dataset.naturalKey.includes(c.name));
  const sameKey = `(${columnList(dataset.naturalKey, 't')}) = (${columnList(dataset.naturalKey, 's')})`;
  // Two plain statements rather than INSERT … ON CONFLICT, whose speculative insertion costs a
  // third more per row; the table lock (writers wait, readers do not) makes them race-free.
  // RETURNING the keys only where child tables need them: counting the command's rows is cheaper.
  const update = (returning: boolean) =>
    otherColumns.length
      ? `UPDATE "${dataset.table}" AS t SET ${otherColumns.map((c) => `"${c.name}" = ${fromStage(c)}`).join(', ')}
           FROM ${STAGE} AS s
          WHERE ${sameKey}
            AND ROW(${otherColumns.map((c) => `t."${c.name}"`).join(', ')}) IS DISTINCT FROM ROW(${otherColumns.map(fromStage).join(', ')})
         ${returning ? `RETURNING ${columnList(dataset.naturalKey, 't')}` : ''}`
      : undefined;
  const insert = (returning: boolean) => `
    INSERT INTO "${dataset.table}" (${quoted})
    SELECT ${dataset.columns.map(fromStage).join(', ')} FROM ${STAGE} AS s
     WHERE NOT EXISTS (SELECT 1 FROM "${dataset.table}" AS t WHERE ${sameKey})
    ${returning ? `RETURNING ${key}` : ''}`;

  // Statistics for the planner's choice of join against the table (a temporary table has none).
  await manager.query(`ANALYZE ${STAGE}`);
  progress?.('merging', staged, staged);
  await manager.query(`LOCK TABLE "${dataset.table}" IN SHARE ROW EXCLUSIVE MODE`);
  let counts: { inserted: number; updated: number };
  if (children.length === 0) {
    const rowsAffected = async (statement: string | undefined) =>
      statement ? ((await manager.queryRunner!.query(statement, [], true)) as { affected?: number }).affected ?? 0 : 0;
    const updated = await rowsAffected(update(false));
    counts = { updated, inserted: await rowsAffected(insert(false)) };
  } else {
    // A row whose child rows alone changed is updated too: the keys touched are collected, then counted once.
    await manager.query(`CREATE TEMPORARY TABLE ${CHANGED} ON COMMIT DROP AS SELECT ${key}, true AS inserted FROM "${dataset.table}" WITH NO DATA`);
    for (const [index, child] of children.entries()) await deleteStaleChildRows(manager, dataset, child, childStage(index));
    const changedByUpdate = update(true);
    if (changedByUpdate) await manager.query(`WITH changed AS (${changedByUpdate}) INSERT INTO ${CHANGED} (${key}, inserted) SELECT *, false FROM changed`);
    await manager.query(`WITH changed AS (${insert(true)}) INSERT INTO ${CHANGED} (${key}, inserted) SELECT *, true FROM changed`);
    for (const [index, child] of children.entries()) await insertNewChildRows(manager, dataset, child, childStage(index));
    [counts] = await manager.query(`
      SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
        FROM (SELECT bool_or(inserted) AS inserted FROM ${CHANGED} GROUP BY ${key}) AS changed`);
  }
  if (refresh && counts.inserted + counts.updated > 0) await refreshDatasetRollups(manager, dataset, () => progress?.('refreshing', staged, staged));
  return { inserted: counts.inserted, updated: counts.updated, unchanged: staged - counts.inserted - counts.updated };
}

/** After rows changed: statistics of the dataset's tables, then its rollups rebuilt. */
export async function refreshDatasetRollups(manager: EntityManager, dataset: ImportDataset, starting?: () => void): Promise<void> {
  if (!dataset.rollups.length) return;
  starting?.();
  for (const table of [dataset.table, ...(dataset.children ?? []).map((child) => child.table)]) await manager.query(`ANALYZE "${table}"`);
  await refreshRollups(manager, dataset.rollups);
}

/** One staged child row per code of each row's list column. */
async function stageChildRows(manager: EntityManager, dataset: ImportDataset, child: ImportChildTable, stage: string, rows: readonly ValidRow[]) {
  await manager.query(
    `CREATE TEMPORARY TABLE ${stage} ON COMMIT DROP AS SELECT ${columnList([...child.parentKey, child.valueColumn])} FROM "${child.table}" WITH NO DATA`,
  );
  const childRows = rows.flatMap((row) => ((row.values[child.column.name] ?? []) as readonly string[]).map((code) => ({ row, code })));
  const keyColumns = child.parentKey.map((name, index) => {
    const parentColumn = dataset.naturalKey[index];
    return { name, value: ({ row }: { row: ValidRow }) => shippedValue(row.values[parentColumn]) };
  });
  await copyRows(manager, stage, [...keyColumns, { name: child.valueColumn, value: ({ code }: { code: string }) => code }], childRows);
}

/** Child rows of the file's parent rows that the file no longer lists. */
async function deleteStaleChildRows(manager: EntityManager, dataset: ImportDataset, child: ImportChildTable, stage: string) {
  const childKey = columnList(child.parentKey, 'c');
  await manager.query(`
    WITH removed AS (
      DELETE FROM "${child.table}" AS c USING ${STAGE} AS p
       WHERE (${childKey}) = (${columnList(dataset.naturalKey, 'p')})
         AND NOT EXISTS (
           SELECT 1 FROM ${stage} AS s
            WHERE (${columnList([...child.parentKey, child.valueColumn], 's')}) = (${columnList([...child.parentKey, child.valueColumn], 'c')}))
      RETURNING ${childKey}
    )
    INSERT INTO ${CHANGED} (${columnList(dataset.naturalKey)}, inserted) SELECT DISTINCT *, false FROM removed`);
}

/** Child rows the file lists that are not in the table yet. */
async function insertNewChildRows(manager: EntityManager, dataset: ImportDataset, child: ImportChildTable, stage: string) {
  const all = columnList([...child.parentKey, child.valueColumn]);
  await manager.query(`
    WITH added AS (
      INSERT INTO "${child.table}" (${all})
      SELECT ${all} FROM ${stage}
      ON CONFLICT (${all}) DO NOTHING
      RETURNING ${columnList(child.parentKey)}
    )
    INSERT INTO ${CHANGED} (${columnList(dataset.naturalKey)}, inserted) SELECT DISTINCT *, false FROM added`);
}
