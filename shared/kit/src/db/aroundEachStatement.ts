import type { DataSource, QueryRunner } from 'typeorm';

/** Runs one SQL statement as TypeORM would; what `aroundEachStatement` wraps. */
export type RunStatement = () => Promise<unknown>;

/**
 * Puts `around` around every statement `db` sends from now on, through each query runner it
 * creates (tracing, metrics). `around` gets the statement's text and must call `run` once.
 */
export function aroundEachStatement(db: DataSource, around: (sql: string, run: RunStatement) => Promise<unknown>): void {
  const createQueryRunner = db.createQueryRunner.bind(db);
  db.createQueryRunner = (mode) => {
    const runner = createQueryRunner(mode);
    const query = runner.query.bind(runner) as (sql: string, parameters?: unknown[], useStructuredResult?: boolean) => Promise<unknown>;
    runner.query = ((sql: string, parameters?: unknown[], useStructuredResult?: boolean) =>
      around(sql, () => query(sql, parameters, useStructuredResult))) as QueryRunner['query'];
    return runner;
  };
}
