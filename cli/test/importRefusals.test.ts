import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT } from '@cswb/cli';
import { cswb as cswbWith, dropSectorDatabases, freshSectorDatabase } from '@cswb/testing/cli';
import { queryRows } from '@cswb/testing/database';
import { writeFileIn } from '@cswb/testing/files';

/**
 * `cswb import` of files spanning several slices (8,192 rows each) with one problem near the end,
 * after earlier slices were already sent by COPY: into the empty table (COPY straight into it) and
 * into a table that has rows (COPY into a stage, merged at the end). Whatever the problem, and
 * whether the import or PostgreSQL finds it, the import exits 1 with a message naming it, no stack
 * trace, no hang, and the database is left exactly as it was, record keys included.
 */

const HEADER = 'occurrence_number,agency_id,occurred_on,area_id,category,premises_type,cleared';
const ROWS = 20_000;
/** The import's own line of the second-to-last row (the header is line 1). */
const LATE_LINE = ROWS;

let tmp: string;
let url: string;
let env: Record<string, string>;

// A hang is a failure: the timeout kills the child and the exit code is not a number.
const cswb = (args: string[]) => cswbWith(args, env, { timeoutMs: 90_000 });
const query = <T = Record<string, unknown>>(sql: string) => queryRows<T>(url, sql);

function row(i: number): string {
  const area = `lakeshore-n${String((i % 10) + 1).padStart(3, '0')}`;
  return `R-${i},lakeshore-police,2023-0${(i % 9) + 1}-${String((i % 28) + 1).padStart(2, '0')},${area},PROPERTY,OUTSIDE,${i % 3 === 0}`;
}
const rows = (from: number) => Array.from({ length: ROWS }, (_, k) => row(from + k));
const csv = (lines: string[]) => `${[HEADER, ...lines].join('\n')}\n`;
/** A file of ROWS rows from `from` whose second-to-last row is `late`. */
const lateIn = (from: number, late: (line: string) => string) => {
  const lines = rows(from);
  lines[ROWS - 2] = late(lines[ROWS - 2]);
  return csv(lines);
};

/** Every row with its record key, the rollup with its key sums: what a refused import must leave alone. */
async function snapshot() {
  return {
    rows: await query(`SELECT occurrence_number, category, occurred_on::text, record_key::text FROM police_occurrence ORDER BY 1`),
    rollup: await query(`SELECT area_id, month::text, measure, value::text, key_sum::text FROM police_measure_monthly ORDER BY 1, 2, 3`),
    // A first import builds the table's plain indexes after its rows: a refused one must leave them as they were.
    indexes: await query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'police_occurrence' ORDER BY 1`),
  };
}

async function expectRefused(name: string, content: string | Buffer, message: string, options: string[] = []): Promise<void> {
  const before = await snapshot();
  const result = await cswb(['import', 'police', 'occurrences', ...options, writeFileIn(tmp, name, content)]);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain(message);
  expect(result.stderr).toContain('nothing was written');
  expect(result.code).toBe(1);
  expect(await snapshot()).toEqual(before);
  // The import's connections are gone: nothing holds the table.
  expect(await query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`)).toEqual([{ n: 0 }]);
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-import-refusals-'));
  ({ url, env } = await freshSectorDatabase('police'));
  expect((await cswb(['import', 'police', 'agencies', path.join(PROJECT_ROOT, 'docs', 'import-samples', 'police', 'agencies.csv')])).code).toBe(0);
});

afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await dropSectorDatabases();
});

/** The same attacks against the table as it is when the block runs (first empty, then holding rows). */
function refusesLateProblems(from: number, ruleRefusal: string) {
  it('a row with a field missing', () => expectRefused('fields.csv', lateIn(from, (line) => line.replace(',OUTSIDE', '')), `line ${LATE_LINE}: 6 fields, expected 7 (as in the header)`));

  it('an area the registry lacks', () =>
    expectRefused('area.csv', lateIn(from, (line) => line.replace(/lakeshore-n\d+/, 'atlantis-n999')), `line ${LATE_LINE}, column "area_id": "atlantis-n999" is not`));

  it('a quote left open in the last row', () => expectRefused('quote.csv', `${csv(rows(from))}R-X,"lakeshore-police,2023-01-01\n`, `line ${ROWS + 2}: a quoted field is not closed`));

  it('an oversized field', () =>
    expectRefused('long.csv', lateIn(from, (line) => line.replace('lakeshore-police', 'p'.repeat(100_000))), `line ${LATE_LINE}, column "agency_id": 100000 characters, more than 200`));

  it('a NUL byte', () => {
    const text = lateIn(from, (line) => line.replace('OUTSIDE', 'OUT\0SIDE'));
    const column = text.split('\n')[LATE_LINE - 1].indexOf('\0') + 1;
    return expectRefused('nul.csv', text, `line ${LATE_LINE}, column ${column}: control character U+0000 (a NUL byte) is not allowed in an import file`);
  });

  it('a byte that is not UTF-8', () => {
    const text = lateIn(from, (line) => line.replace('OUTSIDE', 'OUT\u00ffSIDE'));
    const column = text.split('\n')[LATE_LINE - 1].indexOf('\u00ff') + 1;
    const at = text.indexOf('\u00ff');
    const bytes = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff]), Buffer.from(text.slice(at + 1))]);
    return expectRefused('latin1.csv', bytes, `line ${LATE_LINE}, column ${column}: byte 0xff is not UTF-8`);
  });

  describe('a row PostgreSQL refuses though the import accepts it', () => {
    afterEach(async () => {
      await query(`ALTER TABLE police_occurrence DROP CONSTRAINT IF EXISTS test_refuses_one_row`);
      await query(`ALTER TABLE police_occurrence ALTER COLUMN occurrence_number TYPE text`);
    });

    it('a value too long for the column', async () => {
      await query(`ALTER TABLE police_occurrence ALTER COLUMN occurrence_number TYPE varchar(12)`);
      await expectRefused(
        'too-long.csv',
        lateIn(from, (line) => line.replace(/^R-/, 'R-0000000000')),
        `line ${LATE_LINE}, column "occurrence_number": the database refused the value: value too long for type character varying(12)`,
      );
    });

    it('a rule of the database the dataset does not declare', async () => {
      await query(`ALTER TABLE police_occurrence ADD CONSTRAINT test_refuses_one_row CHECK (occurrence_number <> 'R-${from + ROWS - 2}')`);
      await expectRefused('rule.csv', csv(rows(from)), `${ruleRefusal}: new row for relation "police_occurrence" violates check constraint "test_refuses_one_row"`);
    });

    it('with --skip-invalid too: a row the database refuses is not skipped, nothing is written', async () => {
      await query(`ALTER TABLE police_occurrence ADD CONSTRAINT test_refuses_one_row CHECK (occurrence_number <> 'R-${from + ROWS - 2}')`);
      await expectRefused('rule-skip.csv', csv(rows(from)), `${ruleRefusal}: new row for relation "police_occurrence" violates check constraint "test_refuses_one_row"`, ['--skip-invalid']);
    });
  });
}

describe('into the empty table (COPY straight into it)', () => {
  // PostgreSQL names the COPY's row: the import names the file's line.
  refusesLateProblems(0, `line ${LATE_LINE}: the database refused the row`);
});

describe('into a table holding rows (COPY into a stage, merged at the end)', () => {
  let keys: Map<string, string>;

  beforeAll(async () => {
    const first = await cswb(['import', 'police', 'occurrences', writeFileIn(tmp, 'first.csv', csv(rows(0)))]);
    expect(first.code).toBe(0);
    keys = new Map((await query<{ n: string; k: string }>(`SELECT occurrence_number AS n, record_key::text AS k FROM police_occurrence`)).map((r) => [r.n, r.k]));
    expect(keys.size).toBe(ROWS);
  });

  // Half of each file is rows the table has, half new ones.
  // The stage has no constraints: the merge's INSERT refuses the row, and names no line.
  refusesLateProblems(ROWS / 2, 'the database refused a row');

  it('keeps every record key when the same file is imported again, and when rows change', async () => {
    const again = await cswb(['import', 'police', 'occurrences', path.join(tmp, 'first.csv')]);
    expect(again.stdout).toContain(`${ROWS.toLocaleString('en-CA')} rows read, 0 inserted, 0 updated, ${ROWS.toLocaleString('en-CA')} unchanged, 0 rejected`);
    const keysAgain = new Map((await query<{ n: string; k: string }>(`SELECT occurrence_number AS n, record_key::text AS k FROM police_occurrence`)).map((r) => [r.n, r.k]));
    expect(keysAgain).toEqual(keys);

    const changed = rows(ROWS / 2).map((line, k) => (k % 2 === 0 ? line.replace('PROPERTY', 'DRUGS') : line));
    const merged = await cswb(['import', 'police', 'occurrences', writeFileIn(tmp, 'changed.csv', csv(changed))]);
    expect(merged.stdout).toContain(`20,000 rows read, 10,000 inserted, 5,000 updated, 5,000 unchanged, 0 rejected`);
    const after = new Map(
      (await query<{ n: string; k: string; category: string }>(`SELECT occurrence_number AS n, record_key::text AS k, category FROM police_occurrence`)).map((r) => [r.n, r]),
    );
    expect(after.size).toBe(ROWS + ROWS / 2);
    expect(new Map([...keys.keys()].map((n) => [n, after.get(n)?.k]))).toEqual(keys);
    expect(after.get(`R-${ROWS / 2}`)?.category).toBe('DRUGS');
    // The new rows got keys of their own, drawn, not all alike.
    expect(new Set([...after.values()].map((r) => r.k)).size).toBeGreaterThan(after.size * 0.99);
  });
});
