import type { QueryRunner } from 'typeorm';

/**
 * Keys of the cell-key method (docs/privacy.md). Every contributing unit (a record, or an
 * imported pre-aggregated cell) holds a random 32-bit `record_key`, drawn by PostgreSQL's
 * cryptographic generator when the row is first written and never changed (an upsert keeps it).
 * An aggregate's cell key is the sum of its units' keys modulo 2^32: rollups keep `key_sum`
 * beside each count, so any area × period × breakdown aggregate gets its key in the same SQL,
 * and the same set of units has the same key however the figure is asked for. The keys stay in
 * the agency's database: without them no draw can be computed.
 */
export const CELL_KEY_MODULUS = 2 ** 32;

/** A fresh key in 0 … 2^32 − 1 from `gen_random_uuid()` (PostgreSQL's strong random source). */
export const RECORD_KEY_SQL = `('x' || substr(md5(gen_random_uuid()::text), 1, 8))::bit(32)::bigint`;

/** Adds `record_key` to a table of contributing units; existing rows get keys of their own. */
export async function addRecordKeys(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN record_key bigint NOT NULL DEFAULT ${RECORD_KEY_SQL} CHECK (record_key >= 0 AND record_key < ${CELL_KEY_MODULUS})`);
}

/** The cell key in [0, 1) of an aggregate whose units' keys sum to `keySum` (as PostgreSQL returns a bigint or numeric: a string). */
export function cellKeyOf(keySum: string | number | bigint): number {
  const sum = BigInt(keySum);
  if (sum < 0n) throw new RangeError(`a key sum is never negative, got ${keySum}`);
  return Number(sum % BigInt(CELL_KEY_MODULUS)) / CELL_KEY_MODULUS;
}

/** The key sum of two disjoint sets of units. */
export function addKeySums(a: number, b: number): number {
  return (a + b) % CELL_KEY_MODULUS;
}

/** A key sum as PostgreSQL returns it (bigint or numeric text), reduced to 0 … 2^32 − 1. */
export function keySumOf(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  // Rollups reduce their sums already: a safe integer needs no BigInt (this runs for every row read).
  const whole = typeof value === 'bigint' ? Number.NaN : Number(value);
  if (Number.isSafeInteger(whole) && whole >= 0) return whole % CELL_KEY_MODULUS;
  return Number(BigInt(value) % BigInt(CELL_KEY_MODULUS));
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * SQL for the key sum of a group: the keys of the units that count (`counted`, a boolean SQL
 * expression: a unit holding 0 adds nothing, so a range widened over empty rows keeps its key),
 * reduced to 0 … 2^32 − 1.
 */
export function keySumSql(unitKey: string, counted = 'true'): string {
  return `(coalesce(sum(${unitKey}) FILTER (WHERE ${counted}), 0) % ${CELL_KEY_MODULUS})::bigint`;
}

/**
 * SQL for the key of one of several counts a row holds (an imported pre-aggregated cell with
 * columns such as enrolment and expulsions): derived from the row's record key and the count's
 * name, so two counts of the same row draw their noise independently.
 */
export function columnKeySql(recordKey: string, column: string): string {
  if (!IDENTIFIER.test(column)) throw new Error(`column "${column}" must be a plain lower-case SQL identifier`);
  return `('x' || substr(md5(${recordKey}::text || ':${column}'), 1, 8))::bit(32)::bigint`;
}

/**
 * SQL for the key sum of one count column of rows that hold several (of the table aliased
 * `alias`, if given): each column's key derived from the row's record key, rows holding 0 left out.
 */
export function columnKeySumSql(column: string, alias?: string): string {
  const qualified = alias ? `${alias}.` : '';
  return keySumSql(columnKeySql(`${qualified}record_key`, column), `${qualified}${column} > 0`);
}

/**
 * Synthetic (seeded) data only: keys derived from each row's primary key instead of drawn, so the
 * demonstration data publishes the same figures on every machine and tests can be repeated.
 * Imported data keeps the random keys it was given on its first write.
 */
export async function deriveSyntheticRecordKeys(manager: Pick<QueryRunner, 'query'>, table: string, keyColumns: readonly string[]): Promise<void> {
  for (const name of [table, ...keyColumns]) if (!IDENTIFIER.test(name)) throw new Error(`"${name}" must be a plain lower-case SQL identifier`);
  await manager.query(
    `UPDATE ${table} SET record_key = ('x' || substr(md5('cswb-synthetic:${table}:' || concat_ws('|', ${keyColumns.join(', ')})), 1, 8))::bit(32)::bigint`,
  );
}
