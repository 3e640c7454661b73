import * as fs from 'node:fs';
import { copyFrom } from '@cswb/subgraph-kit/db';
import type { DataSource } from 'typeorm';

/** `COPY … FROM STDIN` fed from a file as it is read: the raw-COPY baseline of the ingestion benchmark. */
export async function copyFromFile(db: DataSource, sql: string, file: string): Promise<number> {
  const runner = db.createQueryRunner();
  try {
    return await copyFrom(runner, sql, fs.createReadStream(file, { highWaterMark: 256 * 1024 }));
  } finally {
    await runner.release();
  }
}
