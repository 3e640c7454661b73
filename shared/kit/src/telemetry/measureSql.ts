import type { DataSource } from 'typeorm';
import { aroundEachStatement } from '../db/aroundEachStatement';
import { currentMetrics } from './metricsScope';

const measured = new WeakSet<DataSource>();

/** Times every SQL statement `db` runs for a request, and counts the rows it returns, into the request's metrics (`runInMetricsScope`). */
export function measureSql(db: DataSource): void {
  if (measured.has(db)) return;
  measured.add(db);
  aroundEachStatement(db, async (_sql, run) => {
    const metrics = currentMetrics();
    if (!metrics) return run();
    const begin = performance.now();
    try {
      const result = await run();
      const rows = Array.isArray(result) ? result : (result as { records?: unknown })?.records;
      if (Array.isArray(rows)) metrics.sqlRows.inc(rows.length);
      return result;
    } finally {
      metrics.sqlDuration.observe((performance.now() - begin) / 1000);
    }
  });
}
