import type { EntityManager } from 'typeorm';

/** Recomputes materialized rollups after data changes (seed, import). */
export async function refreshRollups(manager: EntityManager, views: readonly string[]): Promise<void> {
  for (const view of views) {
    if (!/^[a-z_][a-z0-9_]*$/.test(view)) throw new Error(`rollup "${view}" must be a plain lower-case SQL identifier`);
    await manager.query(`REFRESH MATERIALIZED VIEW ${view}`);
    await manager.query(`ANALYZE ${view}`);
  }
}
