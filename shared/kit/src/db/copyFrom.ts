import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { EntityManager, QueryRunner } from 'typeorm';

/**
 * Runs `COPY … FROM STDIN` on the query runner's connection (inside its transaction, if any), fed
 * from `source` through `stream.pipeline` (pg-copy-streams): the source is read as fast as the
 * socket takes the data. Resolves with the row count PostgreSQL reports; rejects with PostgreSQL's
 * error, or with the source's after a CopyFail has made PostgreSQL abandon the COPY.
 */
export async function copyFrom(runner: QueryRunner, sql: string, source: Readable | Iterable<Buffer> | AsyncIterable<Buffer>): Promise<number> {
  const client = (await runner.connect()) as PoolClient;
  const copy = client.query(copyFromStdin(sql));
  await pipeline(source, copy);
  return copy.rowCount;
}

/** A value in COPY's text format: `\N` for null, backslash escapes for the few special characters. */
export function copyText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return COPY_SPECIAL.test(value) ? value.replace(COPY_SPECIALS, (c) => COPY_ESCAPES[c]) : value;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIALS = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Rows of COPY text per chunk sent: big enough that a chunk's overhead is nothing, small enough to stream. */
const COPY_CHUNK_ROWS = 8192;

/** The COPY text of `rows`, one line per row, `COPY_CHUNK_ROWS` rows per chunk. */
export function* copyTextChunks<Row>(
  columns: readonly { value: (row: Row) => string | number | boolean | null }[],
  rows: readonly Row[],
  onProgress?: (done: number) => void,
): Generator<Buffer> {
  for (let start = 0; start < rows.length; start += COPY_CHUNK_ROWS) {
    const end = Math.min(start + COPY_CHUNK_ROWS, rows.length);
    let text = '';
    for (let i = start; i < end; i++) {
      text += copyText(columns[0].value(rows[i]));
      for (let c = 1; c < columns.length; c++) text += `\t${copyText(columns[c].value(rows[i]))}`;
      text += '\n';
    }
    yield Buffer.from(text, 'utf8');
    onProgress?.(end);
  }
}

/** Rows into a table with COPY (text format): the fastest way into PostgreSQL, used to stage validated import rows. */
export async function copyRows<Row>(
  manager: EntityManager,
  table: string,
  columns: readonly { name: string; value: (row: Row) => string | number | boolean | null }[],
  rows: readonly Row[],
  onProgress?: (done: number) => void,
): Promise<number> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('copyRows needs an EntityManager of a query runner (inside a transaction)');
  return copyFrom(runner, `COPY "${table}" (${columns.map((c) => `"${c.name}"`).join(', ')}) FROM STDIN`, copyTextChunks(columns, rows, onProgress));
}
