import type { DataSource, QueryRunner } from 'typeorm';
import { CopyIn } from '../db/CopyIn';
import { copyTextChunks } from '../db/copyFrom';
import { DatabaseRefusedRowError } from './DatabaseRefusedRowError';
import type { ImportDataset } from './ImportDataset';
import { checkDatasetIdentifiers, createStage, MergeCounts, mergeInTransaction, MergeProgress, mergeStage, refreshDatasetRollups, stageColumns, stageCopySql } from './mergeRows';
import type { ValidRow } from './validateRecords';

/**
 * Where the rows go as they come. `table`: COPY straight into the table, which was empty when the
 * lock was taken (the bulk of a first import: every row is new); its plain indexes are dropped
 * and built again after the rows (`deferredIndexes`), as PostgreSQL advises for bulk loads: one
 * sorted build instead of an insertion per row (the COPY ~2× faster; primary key and unique
 * indexes stay, so a duplicate is still refused at its line). `stage`: COPY into a temporary
 * table, merged at the end in two statements (UPDATE of the rows that changed, their record keys
 * kept; INSERT of the new ones): no per-row lookup, and a re-import that changes nothing writes
 * nothing. `held`: kept in memory and merged whole at the end (datasets with child tables).
 */
type Destination = { kind: 'table'; copy: CopyIn; deferredIndexes: readonly string[] } | { kind: 'stage'; copy: CopyIn } | { kind: 'held'; rows: ValidRow[] };

/** The table's indexes that back no constraint (not unique, no primary key, no exclusion): their names and definitions. */
const PLAIN_INDEXES = `
  SELECT x.indexrelid::regclass::text AS name, pg_get_indexdef(x.indexrelid) AS definition
    FROM pg_index x
   WHERE x.indrelid = $1::regclass AND NOT x.indisunique AND NOT x.indisprimary
     AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
   ORDER BY 1`;

/**
 * Writes an import's validated rows while the rest of the file is still being validated, in one
 * transaction that holds the table's writer lock from the first row to the commit (readers go on,
 * except into an empty table, which the transaction holds alone).
 * Rollups are rebuilt once, if a row changed. Nothing is visible to anyone until `finish` commits;
 * `abort` (or any error) rolls everything back. PostgreSQL refusing a row (a constraint the
 * dataset does not declare) fails the import with a DatabaseRefusedRowError naming its line.
 */
export class ImportWriter {
  /** The file line of each row sent by COPY, in order: PostgreSQL names a refused row by its place in the COPY. */
  private readonly sentLines: number[] = [];
  private closed = false;

  private constructor(
    private readonly runner: QueryRunner,
    private readonly dataset: ImportDataset,
    private readonly destination: Destination,
  ) {}

  static async open(db: DataSource, dataset: ImportDataset): Promise<ImportWriter> {
    checkDatasetIdentifiers(dataset);
    const runner = db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`LOCK TABLE "${dataset.table}" IN SHARE ROW EXCLUSIVE MODE`);
      if (dataset.children?.length) return new ImportWriter(runner, dataset, { kind: 'held', rows: [] });
      const [{ empty }] = (await runner.query(`SELECT NOT EXISTS (SELECT 1 FROM "${dataset.table}") AS empty`)) as { empty: boolean }[];
      if (empty) {
        // Dropping an index needs the table to itself: readers wait for the commit (there is nothing to read yet).
        await runner.query(`LOCK TABLE "${dataset.table}" IN ACCESS EXCLUSIVE MODE`);
        const indexes = (await runner.query(PLAIN_INDEXES, [`"${dataset.table}"`])) as { name: string; definition: string }[];
        for (const { name } of indexes) await runner.query(`DROP INDEX ${name}`);
        const columns = dataset.columns.map((c) => `"${c.name}"`).join(', ');
        const copy = CopyIn.start(runner, `COPY "${dataset.table}" (${columns}) FROM STDIN`);
        return new ImportWriter(runner, dataset, { kind: 'table', copy, deferredIndexes: indexes.map((index) => index.definition) });
      }
      await createStage(runner.manager, dataset);
      return new ImportWriter(runner, dataset, { kind: 'stage', copy: CopyIn.start(runner, stageCopySql(dataset)) });
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      throw error;
    }
  }

  /** Takes a slice of validated rows (reference checks done); waits while PostgreSQL is behind. */
  async write(rows: readonly ValidRow[]): Promise<void> {
    if (this.closed) throw new Error('the import writer is closed');
    const { destination } = this;
    if (destination.kind === 'held') {
      for (const row of rows) destination.rows.push(row);
      return;
    }
    for (const row of rows) this.sentLines.push(row.line);
    try {
      for (const chunk of copyTextChunks(stageColumns(this.dataset), rows)) await destination.copy.write(chunk);
    } catch (error) {
      throw this.refused(error);
    }
  }

  /**
   * Ends the COPY, merges what was staged or held, rebuilds the rollups if a row changed,
   * commits. Rejects (everything rolled back) with PostgreSQL's refusal of a row, or its error.
   */
  async finish(progress?: MergeProgress): Promise<MergeCounts> {
    if (this.closed) throw new Error('the import writer is closed');
    try {
      const { destination, dataset } = this;
      const manager = this.runner.manager;
      let counts: MergeCounts;
      if (destination.kind === 'held') {
        const total = destination.rows.length;
        progress?.('merging', total, total);
        counts = total ? await mergeInTransaction(manager, dataset, destination.rows, progress, false) : { inserted: 0, updated: 0, unchanged: 0 };
      } else {
        const total = this.sentLines.length;
        progress?.('merging', total, total);
        const copied = await destination.copy.end();
        if (copied !== total) throw new Error(`COPY wrote ${copied} rows, expected ${total}`);
        if (destination.kind === 'table') {
          // An index cannot be built while deferred constraint checks of the table's new rows are pending: they run now.
          if (destination.deferredIndexes.length) await manager.query('SET CONSTRAINTS ALL IMMEDIATE');
          for (const definition of destination.deferredIndexes) await manager.query(definition);
          counts = { inserted: total, updated: 0, unchanged: 0 };
        } else counts = await mergeStage(manager, dataset, total, progress, false);
      }
      const total = counts.inserted + counts.updated + counts.unchanged;
      if (counts.inserted + counts.updated > 0) await refreshDatasetRollups(manager, dataset, () => progress?.('refreshing', total, total));
      await this.runner.commitTransaction();
      this.closed = true;
      await this.runner.release();
      return counts;
    } catch (error) {
      await this.abort();
      throw this.refused(error);
    }
  }

  /** Rolls back whatever was written. */
  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.destination.kind !== 'held') await this.destination.copy.abort();
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    } finally {
      await this.runner.release();
    }
  }

  /** PostgreSQL refusing a row, as the import's invalid data (its line in the file when the COPY named it). */
  private refused(error: unknown): unknown {
    return DatabaseRefusedRowError.from(error, (row) => this.sentLines[row - 1]) ?? error;
  }
}
