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
