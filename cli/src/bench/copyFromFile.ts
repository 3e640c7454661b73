import * as fs from 'node:fs';
import type { DataSource } from 'typeorm';

/** The part of node-postgres' connection a COPY FROM STDIN needs (pg 8). */
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
 * `COPY … FROM STDIN` fed from a file, with node-postgres' "submittable" query hooks (what the
 * pg-copy-streams package does, which this project does not depend on): the raw-COPY baseline of
 * the ingestion benchmark. Resolves with the row count PostgreSQL reports.
 */
export async function copyFromFile(db: DataSource, sql: string, file: string): Promise<number> {
  const runner = db.createQueryRunner();
  const client = (await runner.connect()) as PgClient;
  try {
    return await new Promise<number>((resolve, reject) => {
      let failure: Error | undefined;
      let rows = 0;
      let reading: fs.ReadStream | undefined;
      client.query({
        text: sql,
        submit(connection: PgConnection) {
          connection.query(sql);
        },
        handleCopyInResponse(connection: PgConnection) {
          reading = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
          reading.on('data', (chunk) => {
            connection.sendCopyFromChunk(chunk as Buffer);
            if (connection.stream.writableNeedDrain) {
              reading!.pause();
              connection.stream.once('drain', () => reading!.resume());
            }
          });
          reading.on('end', () => connection.endCopyFrom());
          reading.on('error', (error) => connection.sendCopyFail(error.message));
        },
        handleCommandComplete(message: { text?: string }) {
          rows = Number(/^COPY (\d+)/.exec(message.text ?? '')?.[1] ?? 0);
        },
        handleError(error: Error) {
          failure = error;
          reading?.destroy();
        },
        handleReadyForQuery() {
          if (failure) reject(failure);
          else resolve(rows);
        },
        handleEmptyQuery() {},
        handleRowDescription() {},
        handleDataRow() {},
      });
    });
  } finally {
    await runner.release();
  }
}
