import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { QueryRunner } from 'typeorm';
import { copyFrom } from './copyFrom';

/** COPY text buffered ahead of the socket: several slices of rows, so PostgreSQL never waits for the next. */
const BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * A `COPY … FROM STDIN` fed a chunk at a time by code that produces the chunks as it goes (an
 * import validating its file), through copyFrom's pipeline. `write` waits while more than
 * `BUFFERED_BYTES` are waiting for the socket (backpressure) and rejects once the COPY has failed;
 * `abort` makes PostgreSQL abandon the COPY (CopyFail) and waits until the connection is free.
 */
export class CopyIn {
  private failure: Error | undefined;
  private ended = false;

  private constructor(
    private readonly source: PassThrough,
    private readonly done: Promise<number>,
  ) {
    done.catch((error: Error) => (this.failure ??= error));
  }

  static start(runner: QueryRunner, sql: string): CopyIn {
    const source = new PassThrough({ highWaterMark: BUFFERED_BYTES });
    return new CopyIn(source, copyFrom(runner, sql, source));
  }

  async write(chunk: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.ended) throw new Error('the COPY has ended');
    if (this.source.write(chunk)) return;
    // A failed COPY destroys the source: 'drain' never comes, the COPY's own promise rejects.
    await Promise.race([once(this.source, 'drain'), this.done]);
    if (this.failure) throw this.failure;
  }

  /** Ends the COPY: the rows PostgreSQL wrote. */
  async end(): Promise<number> {
    if (this.failure) throw this.failure;
    this.ended = true;
    this.source.end();
    return this.done;
  }

  /** Abandons the COPY (PostgreSQL discards its rows) unless it has ended; settles once the connection is free. */
  async abort(): Promise<void> {
    if (!this.ended) {
      this.ended = true;
      this.source.destroy(new Error('import cancelled'));
    }
    await this.done.catch(() => undefined);
  }
}
