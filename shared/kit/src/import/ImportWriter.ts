import type { DataSource, QueryRunner } from 'typeorm';
import { copyFrom, copyText } from '../db/copyFrom';
import type { ImportDataset } from './ImportDataset';
import { checkDatasetIdentifiers, MergeCounts, mergeInTransaction, MergeProgress, refreshDatasetRollups } from './mergeRows';
import { SHIPPING_TYPE, shippedValue } from './shippingType';
import type { ValidRow } from './validateRecords';

/** COPY text chunks: pushed as rows are validated, pulled by copyFrom as the socket takes them. */
class ChunkQueue implements AsyncIterable<Buffer> {
  private readonly chunks: Buffer[] = [];
  private ended = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  push(chunk: Buffer) {
    this.chunks.push(chunk);
    this.wake?.();
  }

  end() {
    this.ended = true;
    this.wake?.();
  }

  fail(error: Error) {
    this.failure = error;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    for (;;) {
      if (this.failure) throw this.failure;
      const chunk = this.chunks.shift();
      if (chunk) yield chunk;
      else if (this.ended) return;
      else {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
      }
    }
  }
}

/**
 * Writes an import's validated rows while the rest of the file is still being validated, in one
 * transaction that holds the table's writer lock (readers go on) from the first row to the commit.
 * Rows whose natural key the table does not have are streamed by COPY straight into the table (the
 * bulk of a first import); rows whose key it has are kept and merged at the end by mergeRows'
 * stage-and-UPDATE (a re-import changes nothing, record keys are kept). Datasets with child tables
 * are merged whole at the end. Rollups are rebuilt once, if a row changed. Nothing is visible to
 * anyone until `finish` commits; `abort` (or any error) rolls everything back.
 */
export class ImportWriter {
  /** Rows merged at the end: those whose key the table already has (or every row, with child tables). */
  private readonly held: ValidRow[] = [];
  private direct = 0;
  private failure: Error | undefined;
  private closed = false;

  private constructor(
    private readonly db: DataSource,
    private readonly runner: QueryRunner,
    private readonly dataset: ImportDataset,
    /** Absent with child tables. `lookUp`: the table had rows when the lock was taken, so each key is looked up. */
    private readonly copy: { queue: ChunkQueue; done: Promise<number>; lookUp: boolean } | undefined,
  ) {
    copy?.done.catch((error: Error) => (this.failure ??= error));
  }

  static async open(db: DataSource, dataset: ImportDataset): Promise<ImportWriter> {
    checkDatasetIdentifiers(dataset);
    const runner = db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`LOCK TABLE "${dataset.table}" IN SHARE ROW EXCLUSIVE MODE`);
      const keyTypes = dataset.naturalKey.map((name) => dataset.columns.find((c) => c.name === name)?.type);
      if (dataset.children?.length || keyTypes.some((type) => type === undefined || type === 'text[]')) return new ImportWriter(db, runner, dataset, undefined);
      const [{ empty }] = (await runner.query(`SELECT NOT EXISTS (SELECT 1 FROM "${dataset.table}") AS empty`)) as { empty: boolean }[];
      const queue = new ChunkQueue();
      const done = copyFrom(runner, `COPY "${dataset.table}" (${dataset.columns.map((c) => `"${c.name}"`).join(', ')}) FROM STDIN`, queue);
      return new ImportWriter(db, runner, dataset, { queue, done, lookUp: !empty });
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      throw error;
    }
  }

  /** Takes a slice of validated rows (reference checks done): streamed into the table, or kept for the merge. */
  async write(rows: readonly ValidRow[]): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.closed) throw new Error('the import writer is closed');
    if (!this.copy) {
      for (const row of rows) this.held.push(row);
      return;
    }
    let fresh = rows;
    if (this.copy.lookUp && rows.length) {
      const existing = await this.existingKeys(rows);
      if (existing.size) {
        fresh = rows.filter((_, index) => !existing.has(index));
        for (const index of existing) this.held.push(rows[index]);
      }
    }
    if (!fresh.length) return;
    const columns = this.dataset.columns;
    let text = '';
    for (const row of fresh) {
      let line = copyText(shippedValue(row.values[columns[0].name]));
      for (let c = 1; c < columns.length; c++) line += `\t${copyText(shippedValue(row.values[columns[c].name]))}`;
      text += `${line}\n`;
    }
    this.copy.queue.push(Buffer.from(text, 'utf8'));
    this.direct += fresh.length;
  }

  /**
   * Ends the COPY, merges the kept rows, rebuilds the rollups if a row changed, commits. `total`
   * is the number of rows written (for the counts of unchanged rows and progress).
   */
  async finish(progress?: MergeProgress): Promise<MergeCounts> {
    if (this.closed) throw new Error('the import writer is closed');
    try {
      const total = this.direct + this.held.length;
      progress?.('merging', total, total);
      if (this.copy) {
        this.copy.queue.end();
        const copied = await this.copy.done;
        if (copied !== this.direct) throw new Error(`COPY wrote ${copied} rows, expected ${this.direct}`);
      }
      const manager = this.runner.manager;
      const merged = this.held.length ? await mergeInTransaction(manager, this.dataset, this.held, progress, false) : { inserted: 0, updated: 0, unchanged: 0 };
      const counts = { inserted: this.direct + merged.inserted, updated: merged.updated, unchanged: merged.unchanged };
      if (counts.inserted + counts.updated > 0) await refreshDatasetRollups(manager, this.dataset, () => progress?.('refreshing', total, total));
      await this.runner.commitTransaction();
      this.closed = true;
      await this.runner.release();
      return counts;
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  /** Rolls back whatever was written. */
  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.copy) {
      this.copy.queue.fail(new Error('import cancelled'));
      await this.copy.done.catch(() => undefined);
    }
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    } finally {
      await this.runner.release();
    }
  }

  /**
   * Indexes of the rows whose natural key the table has: asked on another connection while this
   * one is busy with the COPY. It sees what was committed, and the writer lock held since before
   * the first row keeps it so; the rows this import streamed are not visible to it, and need not be
   * (validation refuses a key twice in a file).
   */
  private async existingKeys(rows: readonly ValidRow[]): Promise<Set<number>> {
    const { dataset } = this;
    const keyColumns = dataset.naturalKey.map((name) => dataset.columns.find((c) => c.name === name)!);
    const arrays = keyColumns.map((column) => rows.map((row) => shippedValue(row.values[column.name])));
    const names = keyColumns.map((_, index) => `k${index}`);
    const found = (await this.db.query(
      `SELECT position::int AS position
         FROM unnest(${keyColumns.map((column, index) => `$${index + 1}::${SHIPPING_TYPE[column.type]}`).join(', ')}) WITH ORDINALITY AS u(${names.join(', ')}, position)
        WHERE EXISTS (SELECT 1 FROM "${dataset.table}" AS t
                       WHERE (${keyColumns.map((column) => `t."${column.name}"`).join(', ')}) = (${names.map((name) => `u.${name}`).join(', ')}))`,
      arrays,
    )) as { position: number }[];
    return new Set(found.map(({ position }) => position - 1));
  }
}
