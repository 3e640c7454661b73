import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT } from '@cswb/cli';
import { cswb as cswbWith, dropSectorDatabases, freshSectorDatabase } from '@cswb/testing/cli';
import { queryRows } from '@cswb/testing/database';
import { writeFileIn } from '@cswb/testing/files';

/**
 * `cswb import` validates a file a slice of rows at a time and streams each slice into the table
 * while the next is validated (one transaction). These files span several slices (8,192 rows
 * each), so a problem far into the file arrives after earlier rows were sent: the import must
 * still write nothing, say exactly what is wrong, and never hang on the COPY it abandons.
 */

const HEADER = 'occurrence_number,agency_id,occurred_on,area_id,category,premises_type,cleared';
const CATEGORIES = ['VIOLENT', 'PROPERTY', 'DRUGS'];
const ROWS = 20_000;

let tmp: string;
let url: string;
let env: Record<string, string>;

// A hang is a failure: the timeout kills the child and the exit code is not a number.
const cswb = (args: string[]) => cswbWith(args, env, { timeoutMs: 60_000 });
const query = <T = Record<string, unknown>>(sql: string) => queryRows<T>(url, sql);
const writeFile = (name: string, content: string) => writeFileIn(tmp, name, content);

/** Row i of the test files; `variant` changes the category of some rows. */
function row(i: number, variant = 0): string {
  const area = `lakeshore-n${String((i % 10) + 1).padStart(3, '0')}`;
  const day = String((i % 28) + 1).padStart(2, '0');
  return `ST-${i},lakeshore-police,2023-0${(i % 9) + 1}-${day},${area},${CATEGORIES[(i + variant) % 3]},RESIDENCE,${i % 2 === 0}`;
}
const csv = (rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

/** The table and its rollup, to compare before and after a refused import. */
async function snapshot() {
  return {
    rows: await query(`SELECT occurrence_number, category, record_key::text FROM police_occurrence ORDER BY 1`),
    rollup: await query(`SELECT area_id, month::text, measure, value::text, key_sum::text FROM police_measure_monthly ORDER BY 1, 2, 3`),
  };
}

/** The rollup agrees with the table: every occurrence counted once, with its record key. */
async function expectRollupOfTable() {
  const [table] = await query<{ n: string; keys: string }>(`SELECT count(*)::text AS n, (sum(record_key) % 4294967296)::text AS keys FROM police_occurrence`);
  const [rollup] = await query<{ n: string; keys: string }>(
    `SELECT sum(value)::bigint::text AS n, (sum(key_sum) % 4294967296)::text AS keys FROM police_measure_monthly WHERE measure LIKE 'occurrences.%'`,
  );
  expect(rollup).toEqual(table);
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-import-streaming-'));
  ({ url, env } = await freshSectorDatabase('police'));
  const agencies = await cswb(['import', 'police', 'agencies', path.join(PROJECT_ROOT, 'docs', 'import-samples', 'police', 'agencies.csv')]);
  expect(agencies.code).toBe(0);
});

afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await dropSectorDatabases();
});

describe('cswb import, streamed a slice at a time', () => {
  it('refuses a file whose only bad row is in its last slice, writing nothing into the empty table', async () => {
    const rows = range(0, ROWS).map((i) => row(i));
    rows[ROWS - 2] = rows[ROWS - 2].replace('RESIDENCE', 'CASTLE');
    const result = await cswb(['import', 'police', 'occurrences', writeFile('late-bad.csv', csv(rows))]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`1 invalid row; nothing was written`);
    expect(result.stderr).toContain(`line ${ROWS}, column "premises_type": "CASTLE" is not one of`);
    expect(await query('SELECT count(*)::int AS n FROM police_occurrence')).toEqual([{ n: 0 }]);
  });

  it('refuses a late row naming an unknown area, and a quote left open at the end, writing nothing', async () => {
    const rows = range(0, ROWS).map((i) => row(i));
    rows[ROWS - 1] = rows[ROWS - 1].replace(/lakeshore-n0\d\d/, 'atlantis-n999');
    const unknownArea = await cswb(['import', 'police', 'occurrences', writeFile('late-area.csv', csv(rows))]);
    expect(unknownArea.code).toBe(1);
    expect(unknownArea.stderr).toContain('1 row refers to a row the database does not have');
    expect(unknownArea.stderr).toContain(`line ${ROWS + 1}, column "area_id": "atlantis-n999" is not`);
    expect(await query('SELECT count(*)::int AS n FROM police_occurrence')).toEqual([{ n: 0 }]);

    const open = await cswb(['import', 'police', 'occurrences', writeFile('late-quote.csv', `${csv(range(0, ROWS).map((i) => row(i)))}ST-X,"lakeshore-police,2023-01-01\n`)]);
    expect(open.code).toBe(1);
    expect(open.stderr).toContain(`line ${ROWS + 2}: a quoted field is not closed; nothing was written`);
    expect(await query('SELECT count(*)::int AS n FROM police_occurrence')).toEqual([{ n: 0 }]);
  });

  it('loads a file into the empty table, then merges one of changed, unchanged and new rows keeping every record key', async () => {
    const indexes = () => query(`SELECT i.indexname, i.indexdef, x.indisvalid FROM pg_indexes i JOIN pg_index x ON x.indexrelid = format('%I', i.indexname)::regclass WHERE i.tablename = 'police_occurrence' ORDER BY 1`);
    const indexesBefore = await indexes();
    expect(indexesBefore.length).toBeGreaterThanOrEqual(3);
    const first = await cswb(['import', 'police', 'occurrences', writeFile('first.csv', csv(range(0, ROWS).map((i) => row(i))))]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${ROWS.toLocaleString('en-CA')} rows read, ${ROWS.toLocaleString('en-CA')} inserted, 0 updated, 0 unchanged, 0 rejected`);
    await expectRollupOfTable();
    // The plain indexes were built after the rows: the same ones, valid, and used.
    expect(await indexes()).toEqual(indexesBefore);
    const plan = await query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT occurred_on FROM police_occurrence WHERE area_id = 'lakeshore-n001' AND occurred_on < '2023-01-05'`);
    expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toMatch(/Index (Only )?Scan using police_occurrence_\w+_idx/);
    const keysBefore = new Map((await query<{ n: string; k: string }>('SELECT occurrence_number AS n, record_key::text AS k FROM police_occurrence')).map((r) => [r.n, r.k]));
    expect(new Set(keysBefore.values()).size).toBeGreaterThan(ROWS * 0.99); // drawn, not all alike

    // Rows 10,000–19,999 again (every fourth with another category), then 10,000 new ones: every slice mixes old and new.
    const second = range(10_000, 30_000).map((i) => row(i, i < ROWS && i % 4 === 0 ? 1 : 0));
    const merged = await cswb(['import', 'police', 'occurrences', writeFile('second.csv', csv(second))]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain('20,000 rows read, 10,000 inserted, 2,500 updated, 7,500 unchanged, 0 rejected');
    const after = await query<{ n: string; k: string; category: string }>('SELECT occurrence_number AS n, record_key::text AS k, category FROM police_occurrence');
    expect(after).toHaveLength(30_000);
    for (const { n, k } of after) if (keysBefore.has(n)) expect(k).toBe(keysBefore.get(n));
    expect(after.find((r) => r.n === 'ST-10000')?.category).toBe(CATEGORIES[(10_000 + 1) % 3]);
    expect(after.find((r) => r.n === 'ST-10001')?.category).toBe(CATEGORIES[10_001 % 3]);
    await expectRollupOfTable();

    const again = await cswb(['import', 'police', 'occurrences', path.join(tmp, 'second.csv')]);
    expect(again.stdout).toContain('20,000 rows read, 0 inserted, 0 updated, 20,000 unchanged, 0 rejected');
  });

  it('with --skip-invalid, writes the valid rows of every slice and rejects a late bad one into the non-empty table', async () => {
    const before = await snapshot();
    const rows = range(30_000, 50_000).map((i) => row(i));
    rows[19_000] = rows[19_000].replace(/2023-\d\d-\d\d/, '2023-13-01');
    const rejects = path.join(tmp, 'late.rejects.csv');
    const result = await cswb(['import', 'police', 'occurrences', writeFile('late-skip.csv', csv(rows)), '--skip-invalid', '--rejects', rejects]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('20,000 rows read, 19,999 inserted, 0 updated, 0 unchanged, 1 rejected');
    expect(fs.readFileSync(rejects, 'utf8')).toContain(`\n19002,"line 19002, column ""occurred_on"": ""2023-13-01"" is not a date (YYYY-MM-DD)",ST-49000,`);
    expect(await query('SELECT count(*)::int AS n FROM police_occurrence')).toEqual([{ n: before.rows.length + 19_999 }]);
    await expectRollupOfTable();
  });
});
