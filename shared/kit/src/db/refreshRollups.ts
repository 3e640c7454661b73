import type { EntityManager } from 'typeorm';

/**
 * Recomputes materialized rollups after data changes (seed, import), then stores each in the
 * order of its `<view>_key` index (area, month, measure), so one area's months sit in a few
 * pages instead of one page per row. Moves `data_version` too: a view holds no trigger, and a
 * cached answer read from the old rollup must not outlive it.
 */
export async function refreshRollups(manager: EntityManager, views: readonly string[]): Promise<void> {
  for (const view of views) {
    if (!/^[a-z_][a-z0-9_]*$/.test(view)) throw new Error(`rollup "${view}" must be a plain lower-case SQL identifier`);
    await manager.query(`REFRESH MATERIALIZED VIEW ${view}`);
    await manager.query(`CLUSTER ${view} USING ${view}_key`);
    await manager.query(`ANALYZE ${view}`);
  }
  if (views.length > 0) await manager.query(`UPDATE data_version SET version = version + 1`);
}
