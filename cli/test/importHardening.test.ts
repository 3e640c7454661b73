import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cswb as cswbWith, dropSectorDatabases, freshSectorDatabase } from '@cswb/testing/cli';
import { queryRows } from '@cswb/testing/database';
import { writeFileIn } from '@cswb/testing/files';

/**
 * `cswb import` against files made to fool it (docs/security.md, "Import"): the built CLI in a
 * child process against a real database holding one imported row. Every refused file must leave
 * the database exactly as it was.
 */

const HEADER = 'occurrence_number,agency_id,occurred_on,area_id,category,premises_type,cleared';
const GOOD = 'PO-1,lakeshore-police,2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,true';
const AREAS_HEADER = 'id,name,kind,parent_id,population';

let tmp: string;
let url: string;
let env: Record<string, string>;

// A hang is a failure: the timeout kills the child and the exit code is not a number.
const cswb = (args: string[]) => cswbWith(args, env, { timeoutMs: 30_000 });

const query = <T = Record<string, unknown>>(sql: string) => queryRows<T>(url, sql);

/** Everything an import could write to: the table, the rollups, the area registry. */
async function snapshot(): Promise<unknown> {
  return {
    occurrences: await query(`SELECT occurrence_number, agency_id, occurred_on::text, area_id, category, premises_type, cleared FROM police_occurrence ORDER BY 1`),
    rollup: await query(`SELECT area_id, month::text, measure, value::text FROM police_measure_monthly ORDER BY 1, 2, 3`),
    areas: await query(`SELECT id, name, kind, parent_id, population FROM area ORDER BY id`),
  };
}

const writeFile = (name: string, content: string | Buffer) => writeFileIn(tmp, name, content);

/** Imports the file, expects it refused as invalid data (exit 1) with the database unchanged, and returns stderr. */
async function expectRefused(args: string[]): Promise<string> {
  const before = await snapshot();
  const result = await cswb(['import', ...args]);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(result.stdout).toBe('');
  expect(result.code).toBe(1);
  expect(await snapshot()).toEqual(before);
  return result.stderr;
}

const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-import-hardening-'));
  ({ url, env } = await freshSectorDatabase('police'));
  const agencies = await cswb(['import', 'police', 'agencies', writeFile('agencies.csv', 'id,name\nlakeshore-police,Lakeshore Police Service\n')]);
  expect(agencies.code).toBe(0);
  const first = await cswb(['import', 'police', 'occurrences', writeFile('good.csv', `${HEADER}\n${GOOD}\n`)]);
  expect(first.code).toBe(0);
});

afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await dropSectorDatabases();
});

describe('cswb import refuses bytes no export holds', () => {
  it('a NUL byte: refused with line and column, no hang', async () => {
    const file = writeFile('nul.csv', Buffer.from(`${HEADER}\n${GOOD}\nPO-2,lakeshore-police,2024-01-03,lake\0shore-n001,VIOLENT,RESIDENCE,true\n`));
    const stderr = await expectRefused(['police', 'occurrences', file]);
    expect(stderr).toContain('line 3, column 38: control character U+0000 (a NUL byte) is not allowed in an import file; nothing was written');
  });

  it('a NUL written as a JSON escape, and a C1 control: refused per row', async () => {
    const row = (n: string, agency: string) =>
      JSON.stringify({ occurrence_number: n, agency_id: agency, occurred_on: '2024-01-03', area_id: 'lakeshore-n001', category: 'VIOLENT', premises_type: 'RESIDENCE', cleared: true });
    // JSON.stringify writes U+009B as it is (a file-level refusal): written here as the escape JSON allows.
    const file = writeFile('nul.jsonl', `${row('PO-2', 'lakeshore\u0000police')}\n${row('PO-3', 'x\u009b2J').replace('\u009b', '\\u009b')}\n`);
    const stderr = await expectRefused(['police', 'occurrences', file]);
    expect(stderr).toContain('line 1, column "agency_id": "lakeshore\\u0000police" holds control character U+0000');
    expect(stderr).toContain('line 2, column "agency_id": "x\\u009b2J" holds control character U+009B');
  });

  it('a Latin-1 byte: refused as not UTF-8 unless --encoding latin1, which stores it right', async () => {
    const content = Buffer.from(`${AREAS_HEADER}\nlakeshore-n900,C\u00f4te-Sainte-Anne,NEIGHBOURHOOD,lakeshore-w01,100\n`, 'latin1');
    const file = writeFile('latin1.csv', content);
    const stderr = await expectRefused(['police', 'areas', file]);
    expect(stderr).toContain('line 2, column 17: byte 0xf4 is not UTF-8; save the file as UTF-8, or name its encoding (--encoding latin1 or windows-1252); nothing was written');

    const imported = await cswb(['import', 'police', 'areas', file, '--encoding', 'latin1']);
    expect(imported.code).toBe(0);
    expect(await query(`SELECT name FROM area WHERE id = 'lakeshore-n900'`)).toEqual([{ name: 'Côte-Sainte-Anne' }]);
  });

  it('a windows-1252 quote: a C1 control in latin1, a quote in windows-1252', async () => {
    const file = writeFile('cp1252.csv', Buffer.concat([Buffer.from(`${AREAS_HEADER}\nlakeshore-n901,Town`), Buffer.from([0x92]), Buffer.from('s End,NEIGHBOURHOOD,lakeshore-w01,100\n')]));
    expect(await expectRefused(['police', 'areas', file])).toContain('byte 0x92 is not UTF-8');
    expect(await expectRefused(['police', 'areas', file, '--encoding', 'latin1'])).toContain('line 2, column 20: control character U+0092');
    expect((await cswb(['import', 'police', 'areas', file, '--encoding', 'windows-1252'])).code).toBe(0);
    expect(await query(`SELECT name FROM area WHERE id = 'lakeshore-n901'`)).toEqual([{ name: 'Town\u2019s End' }]);
  });

  it('an unknown --encoding is a usage error (exit 2)', async () => {
    const result = await cswb(['import', 'police', 'occurrences', writeFile('enc.csv', `${HEADER}\n${GOOD}\n`), '--encoding', 'ebcdic']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--encoding must be utf-8, latin1 or windows-1252, not "ebcdic"');
  });

  it('a UTF-8 byte order mark is accepted', async () => {
    const file = writeFile('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADER}\n${GOOD}\n`)]));
    const result = await cswb(['import', 'police', 'occurrences', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 rows read, 0 inserted, 0 updated, 1 unchanged, 0 rejected');
  });

  it('a 5 MB line is refused quickly', async () => {
    const file = writeFile('huge.csv', `${HEADER}\nPO-2,${'x'.repeat(5_000_000)},2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,true\n`);
    const stderr = await expectRefused(['police', 'occurrences', file]);
    expect(stderr).toContain('line 2, column "agency_id": 5000000 characters, more than 200');
  });
});

describe('cswb import refuses values out of bounds', () => {
  it('a 50,000-character agency_id: refused, and the message does not repeat it', async () => {
    const file = writeFile('long.csv', `${HEADER}\nPO-2,${'a'.repeat(50_000)},2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,true\n`);
    const stderr = await expectRefused(['police', 'occurrences', file]);
    expect(stderr).toContain('line 2, column "agency_id": 50000 characters, more than 200');
    expect(stderr.length).toBeLessThan(2_000);
  });

  it('an over-long number or date is refused before it is parsed', async () => {
    const file = writeFile('long-date.csv', `${HEADER}\nPO-2,lakeshore-police,${'2'.repeat(41)},lakeshore-n001,VIOLENT,RESIDENCE,true\n`);
    expect(await expectRefused(['police', 'occurrences', file])).toContain('line 2, column "occurred_on": 41 characters, more than 40');
  });

  it('an unknown neighbourhood, and a ward where a neighbourhood is expected', async () => {
    const file = writeFile('atlantis.csv', `${HEADER}\nPO-2,lakeshore-police,2024-01-03,atlantis-n999,VIOLENT,RESIDENCE,true\nPO-3,lakeshore-police,2024-01-03,lakeshore-w01,VIOLENT,RESIDENCE,true\n`);
    const stderr = await expectRefused(['police', 'occurrences', file]);
    expect(stderr).toContain('line 2, column "area_id": "atlantis-n999" is not a neighbourhood of the area registry (import it with the areas dataset first)');
    expect(stderr).toContain('line 3, column "area_id": "lakeshore-w01" is not a neighbourhood of the area registry');
  });

  it('a police service the agency registry lacks, and the registry itself is not written', async () => {
    const file = writeFile('unknown-agency.csv', `${HEADER}\nPO-2,shadow-police,2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,true\nPO-3,lakeshore-police,2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,true\n`);
    const stderr = await expectRefused(['police', 'occurrences', file]);
    expect(stderr).toContain('line 2, column "agency_id": "shadow-police" is not a police service of the agency registry (import it with the agencies dataset first)');
    expect(await query(`SELECT id FROM police_agency ORDER BY id`)).toEqual([{ id: 'lakeshore-police' }]);
  });

  it('an unregistered service with --skip-invalid: its row goes to the rejects file, the good row is written', async () => {
    const file = writeFile('unknown-agency-skip.csv', `${HEADER}\nPO-SKIP-1,shadow-police,2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,true\nPO-SKIP-2,lakeshore-police,2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,true\n`);
    const rejects = path.join(tmp, 'unknown-agency-skip.rejects.csv');
    const result = await cswb(['import', 'police', 'occurrences', file, '--skip-invalid', '--rejects', rejects]);
    expect(result.code).toBe(0);
    expect(fs.readFileSync(rejects, 'utf8')).toContain('PO-SKIP-1,shadow-police');
    expect(await query(`SELECT occurrence_number, agency_id FROM police_occurrence WHERE occurrence_number LIKE 'PO-SKIP-%' ORDER BY 1`)).toEqual([
      { occurrence_number: 'PO-SKIP-2', agency_id: 'lakeshore-police' },
    ]);
    await query(`DELETE FROM police_occurrence WHERE occurrence_number = 'PO-SKIP-2'`);
  });

  it('the database itself refuses a record of an unregistered service, whatever writes it', async () => {
    await expect(
      query(`INSERT INTO police_occurrence (occurrence_number, agency_id, occurred_on, area_id, category, premises_type, cleared)
             VALUES ('PO-DIRECT', 'shadow-police', '2024-01-03', 'lakeshore-n001', 'VIOLENT', 'RESIDENCE', true)`),
    ).rejects.toThrow(/violates foreign key constraint "police_occurrence_agency_fkey"/);
  });

  it('dates out of the plausible range: 9999-12-31, before 1900, more than a day ahead', async () => {
    const dates = ['9999-12-31', '1899-12-31', '0001-01-01', isoDate(3)];
    const file = writeFile('dates.csv', `${HEADER}\n${dates.map((d, i) => `PO-${i + 2},lakeshore-police,${d},lakeshore-n001,VIOLENT,RESIDENCE,true`).join('\n')}\n`);
    const stderr = await expectRefused(['police', 'occurrences', file]);
    expect(stderr).toContain(`line 2, column "occurred_on": "9999-12-31" is after ${isoDate(1)}`);
    expect(stderr).toContain('line 3, column "occurred_on": "1899-12-31" is before 1900-01-01');
    expect(stderr).toContain('line 4, column "occurred_on": "0001-01-01" is before 1900-01-01');
    expect(stderr).toContain(`line 5, column "occurred_on": "${isoDate(3)}" is after ${isoDate(1)}`);
  });

  it("today's date is accepted", async () => {
    const file = writeFile('today.csv', `${HEADER}\nPO-TODAY,lakeshore-police,${isoDate(0)},lakeshore-n001,VIOLENT,RESIDENCE,true\n`);
    const result = await cswb(['import', 'police', 'occurrences', file]);
    expect(result.code).toBe(0);
    await query(`DELETE FROM police_occurrence WHERE occurrence_number = 'PO-TODAY'`);
  });

  it('a negative count is refused', async () => {
    const file = writeFile('negative.csv', `${AREAS_HEADER}\nlakeshore-n902,Nowhere,NEIGHBOURHOOD,lakeshore-w01,-5\n`);
    expect(await expectRefused(['police', 'areas', file])).toContain('line 2, column "population": "-5" is less than 0');
  });
});

describe('cswb import refuses formula cells and never writes them unescaped', () => {
  const formulaRows = [
    '=1+1,lakeshore-police,2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,true',
    "PO-2,+cmd|' /C calc'!A0,2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,true",
    'PO-3,lakeshore-police,2024-01-03,-2+3,VIOLENT,RESIDENCE,true',
    'PO-4,lakeshore-police,2024-01-03,lakeshore-n001,@SUM(A1),RESIDENCE,true',
    'PO-5,lakeshore-police,2024-01-03,lakeshore-n001,VIOLENT,"\t=1",true',
    '"\r=2",lakeshore-police,2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,true',
    'PO-7,lakeshore-police,=TODAY(),lakeshore-n001,VIOLENT,RESIDENCE,true',
    'PO-8,lakeshore-police,2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,=TRUE()',
    'PO-9, =HYPERLINK("http://x"),2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,true',
  ];
  const file = () => writeFile('formulas.csv', `${HEADER}\n${formulaRows.join('\n')}\n${GOOD.replace('PO-1', 'PO-OK')}\n`);

  it('refuses every formula-looking text cell, naming it', async () => {
    const stderr = await expectRefused(['police', 'occurrences', file()]);
    expect(stderr).toContain('line 2, column "occurrence_number": "=1+1" starts like a spreadsheet formula');
    expect(stderr).toContain('line 3, column "agency_id": "+cmd|\' /C calc\'!A0" starts like a spreadsheet formula');
    expect(stderr).toContain('line 4, column "area_id": "-2+3" starts like a spreadsheet formula');
    expect(stderr).toContain('line 5, column "category": "@SUM(A1)" starts like a spreadsheet formula');
    expect(stderr).toContain('line 6, column "premises_type": "\\t=1" starts like a spreadsheet formula');
    expect(stderr).toContain('line 7, column "occurrence_number": "\\r=2" starts like a spreadsheet formula');
    expect(stderr).toContain('line 8, column "occurred_on": "=TODAY()" is not a date');
    expect(stderr).toContain('line 9, column "cleared": "=TRUE()" is not a boolean');
    expect(stderr).toContain('line 10, column "agency_id": " =HYPERLINK(\\"http://x\\")" starts like a spreadsheet formula');
  });

  it('with --skip-invalid writes only the good row, and a rejects file whose every formula cell is neutralised', async () => {
    const rejects = path.join(tmp, 'formulas.rejects.csv');
    const result = await cswb(['import', 'police', 'occurrences', file(), '--skip-invalid', '--rejects', rejects]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('10 rows read, 1 inserted, 0 updated, 0 unchanged, 9 rejected');
    expect((await query(`SELECT occurrence_number FROM police_occurrence ORDER BY 1`)).map((r) => r.occurrence_number)).toEqual(['PO-1', 'PO-OK']);
    const formula = 'starts like a spreadsheet formula (=, +, -, @, tab or CR): refused';
    expect(fs.readFileSync(rejects, 'utf8')).toBe(
      [
        `line,reason,${HEADER}`,
        `2,"line 2, column ""occurrence_number"": ""=1+1"" ${formula}","'=1+1",lakeshore-police,2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,true`,
        `3,"line 3, column ""agency_id"": ""+cmd|' /C calc'!A0"" ${formula}",PO-2,"'+cmd|' /C calc'!A0",2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,true`,
        `4,"line 4, column ""area_id"": ""-2+3"" ${formula}",PO-3,lakeshore-police,2024-01-03,"'-2+3",VIOLENT,RESIDENCE,true`,
        `5,"line 5, column ""category"": ""@SUM(A1)"" ${formula}",PO-4,lakeshore-police,2024-01-03,lakeshore-n001,"'@SUM(A1)",RESIDENCE,true`,
        `6,"line 6, column ""premises_type"": ""\\t=1"" ${formula}",PO-5,lakeshore-police,2024-01-03,lakeshore-n001,VIOLENT,"'\t=1",true`,
        `7,"line 7, column ""occurrence_number"": ""\\r=2"" ${formula}","'\r=2",lakeshore-police,2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,true`,
        `8,"line 8, column ""occurred_on"": ""=TODAY()"" is not a date (YYYY-MM-DD)",PO-7,lakeshore-police,"'=TODAY()",lakeshore-n001,VIOLENT,RESIDENCE,true`,
        `9,"line 9, column ""cleared"": ""=TRUE()"" is not a boolean (true or false)",PO-8,lakeshore-police,2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,"'=TRUE()"`,
        `10,"line 10, column ""agency_id"": "" =HYPERLINK(\\""http://x\\"")"" ${formula}",PO-9,"' =HYPERLINK(""http://x"")",2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,true`,
        '',
      ].join('\n'),
    );
    // No cell of the rejects file starts a formula: every field is either safe or quoted with a leading '.
    for (const line of fs.readFileSync(rejects, 'utf8').split('\n').slice(1, -1)) expect(line).not.toMatch(/(^|,)[=+\-@\t\r]/);

    // Idempotent: the same file again changes nothing.
    const before = await snapshot();
    const again = await cswb(['import', 'police', 'occurrences', file(), '--skip-invalid', '--rejects', rejects]);
    expect(again.stdout).toContain('10 rows read, 0 inserted, 0 updated, 1 unchanged, 9 rejected');
    expect(await snapshot()).toEqual(before);
  });
});
