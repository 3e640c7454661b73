import type { EntityManager } from 'typeorm';

/** Sets the given columns of one row (none: only its updated_at) and stamps updated_at. */
export async function updateColumns(manager: EntityManager, table: string, id: string, changes: Readonly<Record<string, unknown>>): Promise<void> {
  const columns = Object.keys(changes);
  const assignments = [...columns.map((column, i) => `${column} = $${i + 2}`), 'updated_at = now()'];
  await manager.query(`UPDATE ${table} SET ${assignments.join(', ')} WHERE id = $1`, [id, ...columns.map((column) => changes[column])]);
}
