import { addRecordKeys, cellKeyOf, CELL_KEY_MODULUS } from '@cswb/subgraph-kit/privacy';
import { ensureDatabase } from '@cswb/subgraph-kit/db';
import { DataSource } from 'typeorm';
import { dropDatabase, freshDatabaseUrl } from '@cswb/testing/database';

/** Record keys drawn by PostgreSQL, and cell keys that are the same whichever way an aggregate is summed. */

let url: string;
let db: DataSource;

beforeAll(async () => {
  url = freshDatabaseUrl('cell_keys');
  await ensureDatabase(url);
  db = await new DataSource({ type: 'postgres', url }).initialize();
  await db.query(`CREATE TABLE unit (id int PRIMARY KEY, area text NOT NULL, month int NOT NULL)`);
  await db.query(`INSERT INTO unit SELECT g, 'n' || (g % 7), g % 12 FROM generate_series(1, 5000) g`);
  const runner = db.createQueryRunner();
  await addRecordKeys(runner, 'unit');
  await runner.release();
});

afterAll(async () => {
  await db?.destroy();
  if (url) await dropDatabase(url);
});

describe('record keys and cell keys', () => {
  it('gives existing rows and new rows keys in 0 … 2^32 − 1, spread evenly', async () => {
    await db.query(`INSERT INTO unit (id, area, month) SELECT g, 'n1', 1 FROM generate_series(5001, 6000) g`);
    const [stats] = await db.query(`SELECT count(*)::int AS n, count(DISTINCT record_key)::int AS distinct_keys, min(record_key)::text AS min, max(record_key)::text AS max,
      avg(record_key::float8 / ${CELL_KEY_MODULUS}) AS mean, sum((record_key::float8 / ${CELL_KEY_MODULUS} < 0.25)::int)::int AS lowest_quarter FROM unit`);
    expect(stats.n).toBe(6000);
    expect(stats.distinct_keys).toBeGreaterThan(5990);
    expect(Number(stats.min)).toBeGreaterThanOrEqual(0);
    expect(Number(stats.max)).toBeLessThan(CELL_KEY_MODULUS);
    // Uniform on [0, 1): mean 0.5 (sd 0.0037 for 6,000 keys), a quarter below 0.25 (sd 34).
    expect(stats.mean).toBeGreaterThan(0.48);
    expect(stats.mean).toBeLessThan(0.52);
    expect(stats.lowest_quarter).toBeGreaterThan(1500 - 150);
    expect(stats.lowest_quarter).toBeLessThan(1500 + 150);
  });

  it('keeps a key when the row is written again', async () => {
    const [before] = await db.query(`SELECT record_key::text AS key FROM unit WHERE id = 42`);
    await db.query(`INSERT INTO unit (id, area, month) VALUES (42, 'n0', 6) ON CONFLICT (id) DO UPDATE SET month = EXCLUDED.month`);
    const [after] = await db.query(`SELECT record_key::text AS key, month FROM unit WHERE id = 42`);
    expect(after).toEqual({ key: before.key, month: 6 });
  });

  it('gives a set of units one cell key, whether summed at once or from any grouping of its parts', async () => {
    const [whole] = await db.query(`SELECT sum(record_key)::text AS key_sum FROM unit WHERE area = 'n3'`);
    const byMonth: { key_sum: string }[] = await db.query(`SELECT sum(record_key)::text AS key_sum FROM unit WHERE area = 'n3' GROUP BY month`);
    const fromParts = byMonth.reduce((sum, part) => sum + (BigInt(part.key_sum) % BigInt(CELL_KEY_MODULUS)), 0n);
    expect(cellKeyOf(fromParts)).toBe(cellKeyOf(whole.key_sum));
    expect(cellKeyOf(whole.key_sum)).toBeGreaterThanOrEqual(0);
    expect(cellKeyOf(whole.key_sum)).toBeLessThan(1);
    expect(cellKeyOf(0)).toBe(0);
  });

  it('refuses a negative key sum', () => {
    expect(() => cellKeyOf(-1)).toThrow('a key sum is never negative, got -1');
  });
});
