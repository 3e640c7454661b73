import type { EntityManager, QueryRunner } from 'typeorm';

/** The part of node-postgres' connection a `COPY … FROM STDIN` needs (pg 8 "submittable" hooks). */
interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
}

interface PgClient {
  query(submittable: object): unknown;
}

/**
 * Runs `COPY … FROM STDIN` on the query runner's connection (inside its transaction, if any),
 * sending the chunks as they come and waiting for the socket to drain when PostgreSQL reads
 * slower than they are produced. Resolves with the row count PostgreSQL reports, rejects with
 * its error (a CopyFail sent when `chunks` throws). The same hooks the pg-copy-streams package
 * uses, without depending on it.
 */
export async function copyFrom(runner: QueryRunner, sql: string, chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<number> {
  const client = (await runner.connect()) as PgClient;
  return new Promise<number>((resolve, reject) => {
    let failure: Error | undefined;
    let rows = 0;
    let cancelled = false;
    client.query({
      text: sql,
      submit(connection: PgConnection) {
        connection.query(sql);
      },
      handleCopyInResponse(connection: PgConnection) {
        void (async () => {
          try {
            for await (const chunk of chunks) {
              if (cancelled) return;
              connection.sendCopyFromChunk(chunk);
              if (connection.stream.writableNeedDrain) await new Promise((done) => connection.stream.once('drain', done));
            }
            connection.endCopyFrom();
          } catch (error) {
            connection.sendCopyFail(error instanceof Error ? error.message : String(error));
          }
        })();
      },
      handleCommandComplete(message: { text?: string }) {
        rows = Number(/^COPY (\d+)/.exec(message.text ?? '')?.[1] ?? 0);
      },
      handleError(error: Error) {
        // node-postgres drops the active query on an error: its ReadyForQuery never reaches it.
        failure = error;
        cancelled = true;
        reject(error);
      },
      handleReadyForQuery() {
        if (!failure) resolve(rows);
      },
      handleEmptyQuery() {},
      handleRowDescription() {},
      handleDataRow() {},
    });
  });
}

/** A value in COPY's text format: `\N` for null, backslash escapes for the few special characters. */
export function copyText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : value;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * Rows into a table with COPY (text format), in chunks of about `chunkBytes`: the fastest way
 * into PostgreSQL, used to stage validated import rows.
 */
export async function copyRows<Row>(
  manager: EntityManager,
  table: string,
  columns: readonly { name: string; value: (row: Row) => string | number | boolean | null }[],
  rows: readonly Row[],
  onProgress?: (done: number) => void,
  chunkBytes = 512 * 1024,
): Promise<number> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('copyRows needs an EntityManager of a query runner (inside a transaction)');
  const sql = `COPY "${table}" (${columns.map((c) => `"${c.name}"`).join(', ')}) FROM STDIN`;
  function* chunks(): Iterable<Buffer> {
    let lines: string[] = [];
    let size = 0;
    for (let i = 0; i < rows.length; i++) {
      let line = copyText(columns[0].value(rows[i]));
      for (let c = 1; c < columns.length; c++) line += `\t${copyText(columns[c].value(rows[i]))}`;
      lines.push(line);
      size += line.length + 1;
      if (size >= chunkBytes) {
        yield Buffer.from(`${lines.join('\n')}\n`, 'utf8');
        onProgress?.(i + 1);
        lines = [];
        size = 0;
      }
    }
    if (lines.length) yield Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    onProgress?.(rows.length);
  }
  return copyFrom(runner, sql, chunks());
}
