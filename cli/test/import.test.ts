import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';
import { cswb, dropSectorDatabases, freshSectorDatabase as freshImportDatabase } from '@cswb/testing/cli';
import { queryRows } from '@cswb/testing/database';
import { writeFileIn } from '@cswb/testing/files';

/** `cswb import` as scripts run it: the built CLI in a child process, against real databases. */

const SAMPLES = path.join(PROJECT_ROOT, 'docs', 'import-samples');
const subgraphs = discoverSubgraphs();
let tmp: string;

/** A sector database to import into, with the samples' police services registered unless told not to. */
async function freshSectorDatabase(sector: string, { registerAgencies = true } = {}): Promise<{ url: string; env: Record<string, string> }> {
  const { url, env } = await freshImportDatabase(sector);
  // Police records name a service of the agency registry: the samples' services are registered first.
  if (sector === 'police' && registerAgencies) expect((await cswb(['import', 'police', 'agencies', path.join(SAMPLES, 'police', 'agencies.csv')], { POLICE_DATABASE_URL: url })).code).toBe(0);
  return { url, env };
}

const query = queryRows;
const writeFile = (name: string, content: string) => writeFileIn(tmp, name, content);

const HEADER = 'occurrence_number,agency_id,occurred_on,area_id,category,premises_type,cleared';
const GOOD_ROWS = [
  'PO-1,lakeshore-police,2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,true',
  'PO-2,lakeshore-police,2024-01-20,lakeshore-n001,VIOLENT,OUTSIDE,false',
  'PO-3,lakeshore-police,2024-02-05,lakeshore-n002,PROPERTY,COMMERCIAL,false',
  'PO-4,opp-lakeshore-detachment,2024-02-29,lakeshore-n015,"DRUGS",TRANSIT,true',
];
const csv = (rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;

interface OccurrenceRow {
  occurrence_number: string;
  agency_id: string;
  occurred_on: string;
  area_id: string;
  category: string;
  premises_type: string;
  cleared: boolean;
}

const SELECT_OCCURRENCES = `SELECT occurrence_number, agency_id, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, area_id, category,
  premises_type, cleared FROM police_occurrence ORDER BY occurrence_number`;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-import-'));
});

afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await dropSectorDatabases();
});

describe('cswb import', () => {
  it('loads a good file, exactly, and refreshes the rollup', async () => {
    const { url, env } = await freshSectorDatabase('police');
    const file = writeFile('good.csv', csv(GOOD_ROWS));
    const result = await cswb(['import', 'police', 'occurrences', file], env);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/^police\/occurrences: 4 rows read, 4 inserted, 0 updated, 0 unchanged, 0 rejected in \d+\.\d s \([\d,]+ rows\/s\)\n$/);

    expect(await query<OccurrenceRow>(url, SELECT_OCCURRENCES)).toEqual([
      { occurrence_number: 'PO-1', agency_id: 'lakeshore-police', occurred_on: '2024-01-03', area_id: 'lakeshore-n001', category: 'VIOLENT', premises_type: 'RESIDENCE', cleared: true },
      { occurrence_number: 'PO-2', agency_id: 'lakeshore-police', occurred_on: '2024-01-20', area_id: 'lakeshore-n001', category: 'VIOLENT', premises_type: 'OUTSIDE', cleared: false },
      { occurrence_number: 'PO-3', agency_id: 'lakeshore-police', occurred_on: '2024-02-05', area_id: 'lakeshore-n002', category: 'PROPERTY', premises_type: 'COMMERCIAL', cleared: false },
      { occurrence_number: 'PO-4', agency_id: 'opp-lakeshore-detachment', occurred_on: '2024-02-29', area_id: 'lakeshore-n015', category: 'DRUGS', premises_type: 'TRANSIT', cleared: true },
    ]);
    const rollup = await query(
      url,
      `SELECT area_id, to_char(month, 'YYYY-MM') AS month, measure, value::int AS value FROM police_measure_monthly ORDER BY 1, 2, 3`,
    );
    expect(rollup).toEqual([
      { area_id: 'lakeshore-n001', month: '2024-01', measure: 'occurrences.VIOLENT', value: 2 },
      { area_id: 'lakeshore-n002', month: '2024-02', measure: 'occurrences.PROPERTY', value: 1 },
      { area_id: 'lakeshore-n015', month: '2024-02', measure: 'occurrences.DRUGS', value: 1 },
    ]);
  });

  it('writes nothing from a file with one bad row, naming the row and column (exit 1)', async () => {
    const { url, env } = await freshSectorDatabase('police');
    const rows = [...GOOD_ROWS];
    rows.splice(2, 0, 'PO-9,lakeshore-police,2024-02-30,lakeshore-n001,VIOLENT,RESIDENCE,true');
    const file = writeFile('bad.csv', csv(rows));
    const result = await cswb(['import', 'police', 'occurrences', file], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 4, column "occurred_on": "2024-02-30" is not a date (YYYY-MM-DD)');
    expect(result.stderr).toContain('nothing was written');
    expect(result.stdout).toBe('');
    expect(await query(url, 'SELECT * FROM police_occurrence')).toEqual([]);
  });

  it('reports a missing JSON column, a duplicate key with both lines, and a cross-column rule', async () => {
    const { url, env } = await freshSectorDatabase('police');
    const jsonl = writeFile(
      'calls.jsonl',
      [
        JSON.stringify({ call_number: 'C-1', agency_id: 'lakeshore-police', received_on: '2024-01-01', area_id: 'lakeshore-n001', call_type: 'PERSON_IN_CRISIS', mha_apprehension: true }),
        JSON.stringify({ call_number: 'C-2', agency_id: 'lakeshore-police', received_on: '2024-01-01', area_id: 'lakeshore-n001', mha_apprehension: false }),
        JSON.stringify({ call_number: 'C-3', agency_id: 'lakeshore-police', received_on: '2024-01-01', area_id: 'lakeshore-n001', call_type: 'DOMESTIC', mha_apprehension: true }),
        JSON.stringify({ call_number: 'C-1', agency_id: 'lakeshore-police', received_on: '2024-01-02', area_id: 'lakeshore-n001', call_type: 'OTHER', mha_apprehension: false }),
      ].join('\n'),
    );
    const result = await cswb(['import', 'police', 'calls', jsonl], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 2: missing column "call_type"');
    expect(result.stderr).toContain('line 3: mha_apprehension can be true only when call_type is PERSON_IN_CRISIS');
    expect(result.stderr).toContain('line 4: duplicate key (call_number "C-1"): also on line 1');
    expect(await query(url, 'SELECT * FROM police_call_for_service')).toEqual([]);
  });

  it('changes nothing when the same file is imported twice, and updates a changed row', async () => {
    const { url, env } = await freshSectorDatabase('police');
    const file = writeFile('twice.csv', csv(GOOD_ROWS));
    expect((await cswb(['import', 'police', 'occurrences', file], env)).code).toBe(0);
    const before = await query<OccurrenceRow>(url, SELECT_OCCURRENCES);

    const again = await cswb(['import', 'police', 'occurrences', file], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('police/occurrences: 4 rows read, 0 inserted, 0 updated, 4 unchanged, 0 rejected');
    expect(await query<OccurrenceRow>(url, SELECT_OCCURRENCES)).toEqual(before);

    const changed = writeFile('changed.csv', csv([...GOOD_ROWS.slice(0, 3), GOOD_ROWS[3].replace(',true', ',false'), 'PO-5,lakeshore-police,2024-03-01,lakeshore-n003,TRAFFIC,OUTSIDE,true']));
    const update = await cswb(['import', 'police', 'occurrences', changed], env);
    expect(update.code).toBe(0);
    expect(update.stdout).toContain('police/occurrences: 5 rows read, 1 inserted, 1 updated, 3 unchanged, 0 rejected');
    const after = await query<OccurrenceRow>(url, SELECT_OCCURRENCES);
    expect(after).toHaveLength(5);
    expect(after.find((r) => r.occurrence_number === 'PO-4')?.cleared).toBe(false);
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
    const [{ value }] = await query<{ value: number }>(
      url,
      `SELECT value::int AS value FROM police_measure_monthly WHERE area_id = 'lakeshore-n003' AND measure = 'occurrences.TRAFFIC'`,
    );
    expect(value).toBe(1);
  });

  it('with --skip-invalid writes the good rows and the rejects with reasons (exit 0)', async () => {
    const { url, env } = await freshSectorDatabase('police');
    const rows = [...GOOD_ROWS, 'PO-7,lakeshore-police,2024-01-03,lakeshore-n001,ARSON,RESIDENCE,true', 'PO-8,lakeshore-police,2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,yes'];
    const file = writeFile('some-bad.csv', csv(rows));
    const result = await cswb(['import', 'police', 'occurrences', file, '--skip-invalid'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('police/occurrences: 6 rows read, 4 inserted, 0 updated, 0 unchanged, 2 rejected');
    expect((await query<OccurrenceRow>(url, SELECT_OCCURRENCES)).map((r) => r.occurrence_number)).toEqual(['PO-1', 'PO-2', 'PO-3', 'PO-4']);
    const rejects = fs.readFileSync(`${file}.rejects.csv`, 'utf8').trim().split('\n');
    expect(rejects).toEqual([
      `line,reason,${HEADER}`,
      `6,"line 6, column ""category"": ""ARSON"" is not one of VIOLENT, PROPERTY, OTHER_CRIMINAL_CODE, DRUGS, TRAFFIC",PO-7,lakeshore-police,2024-01-03,lakeshore-n001,ARSON,RESIDENCE,true`,
      `7,"line 7, column ""cleared"": ""yes"" is not a boolean (true or false)",PO-8,lakeshore-police,2024-01-03,lakeshore-n001,VIOLENT,RESIDENCE,yes`,
    ]);

    const custom = path.join(tmp, 'custom-rejects.csv');
    const again = await cswb(['import', 'police', 'occurrences', file, '--skip-invalid', '--rejects', custom], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 inserted, 0 updated, 4 unchanged, 2 rejected');
    expect(fs.readFileSync(custom, 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('exits 2 with the known datasets for an unknown sector or dataset, or an unknown column', async () => {
    const file = writeFile('any.csv', csv(GOOD_ROWS));
    for (const args of [['nosuch', 'occurrences'], ['police', 'nosuch']]) {
      const result = await cswb(['import', ...args, file]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`unknown dataset "${args.join(' ')}"`);
      for (const { definition: d } of subgraphs) for (const dataset of d.importDatasets ?? []) expect(result.stderr).toContain(`${d.name} ${dataset.name}`);
    }
    const extra = writeFile('extra.csv', `${HEADER},victim_name\n${GOOD_ROWS[0]},x\n`);
    const unknown = await cswb(['import', 'police', 'occurrences', extra], { POLICE_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown column "victim_name"');
    expect((await cswb(['import', 'police', 'occurrences'])).code).toBe(2);
    expect((await cswb(['import', 'police', 'occurrences', path.join(tmp, 'missing.csv')])).code).toBe(2);
    expect((await cswb(['import', 'police', 'occurrences', file, '--nosuch'])).code).toBe(2);
    const help = await cswb(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: cswb import <sector> <dataset> <file>');
  });

  it('exits 3 with the database message when the database cannot be reached', async () => {
    const file = writeFile('db.csv', csv(GOOD_ROWS));
    const result = await cswb(['import', 'police', 'occurrences', file], { POLICE_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('database error');
  });

  describe('docs/import-samples', () => {
    const samples = subgraphs.flatMap(({ definition: d }) =>
      (d.importDatasets ?? []).map((dataset) => {
        const dir = path.join(SAMPLES, d.name);
        const name = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => f.replace(/\.(csv|jsonl)$/, '') === dataset.name) : undefined;
        return { sector: d.name, dataset, file: name && path.join(dir, name) };
      }),
    );

    it('has a sample per dataset, and docs/import.md names every column', () => {
      expect(samples.length).toBeGreaterThanOrEqual(5);
      const doc = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'import.md'), 'utf8');
      for (const { sector, dataset, file } of samples) {
        expect(file).toBeDefined();
        expect(doc).toContain(`## ${sector} ${dataset.name}`);
        for (const column of dataset.columns) expect(doc).toContain(`\`${column.name}\``);
      }
    });

    it.each(samples.map((s) => [`${s.sector} ${s.dataset.name}`, s] as const))('%s imports cleanly', async (_, { sector, dataset, file }) => {
      const { url, env } = await freshSectorDatabase(sector, { registerAgencies: false });
      // A sector declares its datasets in load order (schools before the school-years referring to them):
      // the samples before this one are loaded first, those after it before the rollup is read.
      const sectorSamples = samples.filter((s) => s.sector === sector);
      const position = sectorSamples.findIndex((s) => s.dataset === dataset);
      for (const before of sectorSamples.slice(0, position)) expect((await cswb(['import', sector, before.dataset.name, before.file!], env)).code).toBe(0);
      const result = await cswb(['import', sector, dataset.name, file!], env);
      expect(result.stderr).not.toMatch(/line \d/);
      expect(result.code).toBe(0);
      const lines = fs.readFileSync(file!, 'utf8').trim().split('\n').length - (file!.endsWith('.csv') ? 1 : 0);
      expect(result.stdout).toContain(`${sector}/${dataset.name}: ${lines} rows read, ${lines} inserted, 0 updated, 0 unchanged, 0 rejected`);
      const [{ count }] = await query<{ count: number }>(url, `SELECT count(*)::int AS count FROM ${dataset.table}`);
      expect(count).toBe(lines);
      for (const after of sectorSamples.slice(position + 1)) expect((await cswb(['import', sector, after.dataset.name, after.file!], env)).code).toBe(0);
      // A registry (police agencies) feeds no rollup; a sector's records do.
      const rollups = sectorSamples.flatMap((s) => s.dataset.rollups);
      const [{ rollup }] = await query<{ rollup: number }>(url, `SELECT count(*)::int AS rollup FROM ${rollups[0]}`);
      expect(rollup).toBeGreaterThan(0);
    });
  });
});
