import type { DataSource } from 'typeorm';

/** Tables whose changes are not the sector's data: the audit log moves on every audited read. */
const NOT_DATA = ['audit_log', 'audit_chain_head', 'data_version', 'typeorm_migrations'];

/**
 * Puts `bump_data_version()` on every table of the sector's schema, so that any write (an import,
 * a seed, a mutation, an operator's SQL) moves `data_version` in its own transaction. Run as the
 * owner after the migrations, every time the database is prepared: a table a later migration
 * adds gets its trigger too. Idempotent.
 */
export async function attachDataVersionTriggers(owner: DataSource): Promise<void> {
  const tables: { name: string }[] = await owner.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
        AND c.relname <> ALL($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'data_version_bump')`,
    [NOT_DATA],
  );
  for (const { name } of tables) {
    const table = `"${name.replace(/"/g, '""')}"`;
    await owner.query(`CREATE TRIGGER data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()`);
  }
}
