import type { DataSource, QueryRunner } from 'typeorm';
import { currentMetrics } from './metricsScope';

type Query = (sql: string, parameters?: unknown[], useStructuredResult?: boolean) => Promise<unknown>;

const measured = new WeakSet<DataSource>();

/** Times every SQL statement `db` runs for a request, and counts the rows it returns, into the request's metrics (`runInMetricsScope`). */
export function measureSql(db: DataSource): void {
  if (measured.has(db)) return;
  measured.add(db);
  const createQueryRunner = db.createQueryRunner.bind(db);
  db.createQueryRunner = (mode) => {
    const runner = createQueryRunner(mode);
    const query = runner.query.bind(runner) as Query;
    runner.query = (async (sql: string, parameters?: unknown[], useStructuredResult?: boolean) => {
      const metrics = currentMetrics();
      if (!metrics) return query(sql, parameters, useStructuredResult);
      const begin = performance.now();
      try {
        const result = await query(sql, parameters, useStructuredResult);
        const rows = Array.isArray(result) ? result : (result as { records?: unknown })?.records;
        if (Array.isArray(rows)) metrics.sqlRows.inc(rows.length);
        return result;
      } finally {
        metrics.sqlDuration.observe((performance.now() - begin) / 1000);
      }
    }) as QueryRunner['query'];
    return runner;
  };
}
