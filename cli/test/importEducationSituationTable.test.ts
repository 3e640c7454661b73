import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';
import { ImportDataset, parseImportFile, unknownColumns, validateRecords, writeRejects } from '@cswb/subgraph-kit/import';
import { prepareDatabase, serveSubgraph } from '@cswb/subgraph-kit/server';
import { RISK_FACTORS } from '@cswb/subgraph-kit/vocabulary';
import { analystHeaders } from '@cswb/testing/analyst';
import { cswb, dropSectorDatabases, freshSectorDatabase, subgraphDefinition as definition } from '@cswb/testing/cli';
import { queryRows } from '@cswb/testing/database';
import { writeFileIn } from '@cswb/testing/files';
import { graphql } from '@cswb/testing/graphql';
import { testTrust } from '@cswb/testing/trust';

/**
 * `cswb import` of the education and Situation Table datasets, the built CLI in a child process
 * against real databases, and the text[] and child-table columns they brought to the importer.
 */

// Most tests run the CLI several times, each a process that loads every subgraph and migrates.
jest.setTimeout(180_000);

const SAMPLES = path.join(PROJECT_ROOT, 'docs', 'import-samples');
const subgraphs = discoverSubgraphs();
let tmp: string;

const query = queryRows;
const writeFile = (name: string, content: string) => writeFileIn(tmp, name, content);

const sample = (sector: string, dataset: string) => path.join(SAMPLES, sector, `${dataset}.csv`);
const sampleLines = (sector: string, dataset: string) => fs.readFileSync(sample(sector, dataset), 'utf8').trim().split('\n');

async function importSamples(sector: string, datasets: string[], env: Record<string, string>): Promise<void> {
  for (const dataset of datasets) {
    const result = await cswb(['import', sector, dataset, sample(sector, dataset)], env);
    expect(result.stderr).not.toMatch(/line \d/);
    expect(result.code).toBe(0);
  }
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-import-ed-st-'));
});

afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await dropSectorDatabases();
});

describe('text[] and child-table columns', () => {
  const COLOURS = ['RED', 'GREEN', 'BLUE'];
  const THINGS: ImportDataset = {
    name: 'things',
    table: 'thing',
    naturalKey: ['id'],
    columns: [
      { name: 'id', type: 'text', required: true, maxLength: 5 },
      { name: 'colours', type: 'text[]', required: false, enum: COLOURS },
    ],
    children: [{ column: { name: 'tags', type: 'text[]', required: true, pattern: /[a-z]+/ }, table: 'thing_tag', parentKey: ['thing_id'], valueColumn: 'tag' }],
    rollups: [],
  };
  const validateCsv = (rows: string[]) => validateRecords(THINGS, parseImportFile(`id,colours,tags\n${rows.join('\n')}\n`, 'csv'));
  const validateJsonLines = (rows: object[]) => validateRecords(THINGS, parseImportFile(rows.map((row) => JSON.stringify(row)).join('\n'), 'jsonl'));

  it('reads CSV lists separated by ";", [] as the empty list and a blank field as no value, codes in the order of the enum', () => {
    const { rows, rejected } = validateCsv(['a,BLUE;RED,x;y', 'b, GREEN ; RED ,[]', 'c,[],z', 'd,,z']);
    expect(rejected).toEqual([]);
    expect(rows.map((row) => row.values)).toEqual([
      { id: 'a', colours: ['RED', 'BLUE'], tags: ['x', 'y'] },
      { id: 'b', colours: ['RED', 'GREEN'], tags: [] },
      { id: 'c', colours: [], tags: ['z'] },
      { id: 'd', colours: null, tags: ['z'] },
    ]);
  });

  it('names the line and column of an unknown, repeated or empty code, a code not matching the pattern and a missing list', () => {
    const { rows, rejected } = validateCsv(['a,RED;PINK,x', 'b,RED;RED,x', 'c,RED;;BLUE,x', 'd,RED,x;Y2', 'e,RED,', 'too-long,,x']);
    expect(rows).toEqual([]);
    expect(rejected.flatMap((r) => r.reasons)).toEqual([
      'line 2, column "colours": "PINK" is not one of RED, GREEN, BLUE',
      'line 3, column "colours": "RED" is listed twice',
      'line 4, column "colours": "RED;;BLUE" has an empty code: separate codes with a single ";" (write [] for none)',
      'line 5, column "tags": "Y2" does not match [a-z]+',
      'line 6, column "tags": missing value',
      'line 7, column "id": 8 characters, more than 5',
    ]);
  });

  it('reads JSON lines lists as arrays of strings, null as no value, and rejects a list where a value belongs and the reverse', () => {
    const good = validateJsonLines([
      { id: 'a', colours: ['BLUE', 'GREEN'], tags: ['x'] },
      { id: 'b', colours: null, tags: [] },
      { id: 'c', tags: ['y'] },
    ]);
    expect(good.rejected).toEqual([]);
    expect(good.rows.map((row) => row.values)).toEqual([
      { id: 'a', colours: ['GREEN', 'BLUE'], tags: ['x'] },
      { id: 'b', colours: null, tags: [] },
      { id: 'c', colours: null, tags: ['y'] },
    ]);
    const bad = validateJsonLines([{ id: 'a', colours: 'RED;BLUE', tags: ['x'] }, { id: ['b'], tags: ['x'] }, { id: 'c', tags: [1, 2] }]);
    expect(bad.rejected.flatMap((r) => r.reasons)).toEqual([
      'line 1, column "colours": expected a JSON array of codes, e.g. ["A", "B"], not "RED;BLUE"',
      'line 2, column "id": expected a single value, not a list',
      'line 3: column "tags": expected an array of strings',
    ]);
  });

  it("knows the child tables' list columns as columns of the file", () => {
    expect(unknownColumns(THINGS, parseImportFile('id,colours,tags,name\n', 'csv'))).toEqual(['name']);
  });

  it('writes rejected JSON lines lists in the CSV notation, so the rejects file can be fixed and imported', () => {
    const { rejected } = validateJsonLines([{ id: 'a', colours: ['BLUE', 'PINK'], tags: [] }]);
    const file = path.join(tmp, 'things.rejects.csv');
    writeRejects(file, THINGS, rejected);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      'line,reason,id,colours,tags\n1,"line 1, column ""colours"": ""PINK"" is not one of RED, GREEN, BLUE",a,BLUE;PINK,[]\n',
    );
  });
});

describe('docs/import.md', () => {
  it("documents the child tables' list columns and every risk-factor code", () => {
    const doc = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'import.md'), 'utf8');
    for (const { definition: d } of subgraphs) {
      for (const dataset of d.importDatasets ?? []) for (const child of dataset.children ?? []) expect(doc).toContain(`| \`${child.column.name}\` | text[] |`);
    }
    for (const factor of RISK_FACTORS) expect(doc).toContain(`\`${factor.code}\``);
  });
});

describe('cswb import education', () => {
  const SELECT_SCHOOLS = 'SELECT school_number, name, area_id, board, panel FROM education_school ORDER BY school_number';
  const SELECT_YEARS = `SELECT school_number, school_year, enrolment, chronically_absent, suspended_students, expulsions, graduation_cohort,
    graduates_on_time FROM education_school_year_stat ORDER BY school_number, school_year`;

  it('loads the schools, school-years and edi samples exactly, and refreshes the rollup', async () => {
    const { url, env } = await freshSectorDatabase('education');
    const reports: string[] = [];
    for (const dataset of ['schools', 'school-years', 'edi']) {
      const result = await cswb(['import', 'education', dataset, sample('education', dataset)], env);
      expect(result.code).toBe(0);
      reports.push(result.stdout);
    }
    expect(reports[0]).toMatch(/^education\/schools: 4 rows read, 4 inserted, 0 updated, 0 unchanged, 0 rejected in /);
    expect(reports[1]).toMatch(/^education\/school-years: 6 rows read, 6 inserted, 0 updated, 0 unchanged, 0 rejected in /);
    expect(reports[2]).toMatch(/^education\/edi: 3 rows read, 3 inserted, 0 updated, 0 unchanged, 0 rejected in /);

    expect(await query(url, SELECT_SCHOOLS)).toEqual([
      { school_number: '900101', name: 'Harbourview Public School', area_id: 'lakeshore-n001', board: 'Lakeshore District School Board', panel: 'ELEMENTARY' },
      { school_number: '900102', name: 'St. Brigid Catholic School', area_id: 'lakeshore-n001', board: 'Lakeshore Catholic District School Board', panel: 'ELEMENTARY' },
      { school_number: '900201', name: 'Lakeshore Collegiate Institute', area_id: 'lakeshore-n002', board: 'Lakeshore District School Board', panel: 'SECONDARY' },
      { school_number: '900301', name: 'École élémentaire Sainte-Marie', area_id: 'lakeshore-n003', board: 'Conseil scolaire des Rives-du-Lac', panel: 'ELEMENTARY' },
    ]);
    const years = await query(url, SELECT_YEARS);
    expect(years).toHaveLength(6);
    expect(years[3]).toEqual({
      school_number: '900201',
      school_year: 2023,
      enrolment: 1184,
      chronically_absent: 322,
      suspended_students: 61,
      expulsions: 3,
      graduation_cohort: 296,
      graduates_on_time: 241,
    });
    expect(years.map((y) => `${y.school_number}/${y.school_year}/${y.enrolment}`)).toEqual([
      '900101/2023/412',
      '900101/2024/398',
      '900102/2024/287',
      '900201/2023/1184',
      '900201/2024/1202',
      '900301/2024/196',
    ]);
    expect(await query(url, 'SELECT area_id, cycle_year, children_assessed, vulnerable_one_or_more FROM education_edi_result ORDER BY area_id')).toEqual([
      { area_id: 'lakeshore-n001', cycle_year: 2024, children_assessed: 118, vulnerable_one_or_more: 37 },
      { area_id: 'lakeshore-n002', cycle_year: 2024, children_assessed: 96, vulnerable_one_or_more: 24 },
      { area_id: 'lakeshore-n003', cycle_year: 2024, children_assessed: 74, vulnerable_one_or_more: 19 },
    ]);
    const rollup = await query(
      url,
      `SELECT measure, value::int AS value FROM education_measure_monthly
        WHERE area_id = 'lakeshore-n001' AND month = '2024-06-01' ORDER BY measure`,
    );
    expect(rollup).toEqual([
      { measure: 'chronically_absent', value: 155 },
      { measure: 'edi_assessed', value: 118 },
      { measure: 'edi_vulnerable', value: 37 },
      { measure: 'enrolment', value: 685 },
      { measure: 'expulsions', value: 0 },
      { measure: 'graduates_on_time', value: 0 },
      { measure: 'graduation_cohort', value: 0 },
      { measure: 'suspended_students', value: 15 },
    ]);

    // What the subgraph serves is read from that rollup: the imported rows show in its indicators,
    // for an area of the registry the deployment loaded (an unseeded database knows no area until then).
    const areas = await cswb(['import', 'education', 'areas', path.join(SAMPLES, 'areas.csv')], env);
    expect(areas.code).toBe(0);
    const { db } = await prepareDatabase(definition('education'), { url });
    const running = await serveSubgraph(definition('education'), db, { port: 0, trust: testTrust() });
    try {
      const response = await graphql(
        running,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Area { education {
           indicators(from: "2024-01-01", to: "2024-12-31", granularity: YEAR) { indicator { id } observations { value numerator denominator } } } } } }`,
        { r: [{ __typename: 'Area', id: 'lakeshore-n001' }] },
        await analystHeaders(),
      );
      expect(response.errors).toBeUndefined();
      const series = response.data._entities[0].education.indicators.find((s: any) => s.indicator.id === 'education.chronic_absenteeism');
      expect(series.observations).toEqual([{ value: 22.628, numerator: 155, denominator: 685 }]);
    } finally {
      await running.close();
    }
  });

  it('changes nothing when the same files are imported again', async () => {
    const { url, env } = await freshSectorDatabase('education');
    await importSamples('education', ['schools', 'school-years', 'edi'], env);
    const before = [await query(url, SELECT_SCHOOLS), await query(url, SELECT_YEARS)];
    for (const [dataset, rows] of [['schools', 4], ['school-years', 6], ['edi', 3]] as const) {
      const again = await cswb(['import', 'education', dataset, sample('education', dataset)], env);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(`education/${dataset}: ${rows} rows read, 0 inserted, 0 updated, ${rows} unchanged, 0 rejected`);
    }
    expect([await query(url, SELECT_SCHOOLS), await query(url, SELECT_YEARS)]).toEqual(before);
  });

  it('writes nothing from a file with one bad row, naming the line and column, or the line and the rule broken', async () => {
    const { url, env } = await freshSectorDatabase('education');
    const schools = sampleLines('education', 'schools');
    const badPanel = writeFile('schools-bad.csv', `${[...schools.slice(0, 3), '900401,Northgate Middle School,lakeshore-n004,Lakeshore District School Board,MIDDLE', ...schools.slice(3)].join('\n')}\n`);
    const result = await cswb(['import', 'education', 'schools', badPanel], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 4, column "panel": "MIDDLE" is not one of ELEMENTARY, SECONDARY');
    expect(result.stderr).toContain('nothing was written');
    expect(await query(url, 'SELECT * FROM education_school')).toEqual([]);

    await importSamples('education', ['schools'], env);
    const years = sampleLines('education', 'school-years');
    const tooManyAbsent = writeFile('years-absent.csv', `${[...years, '900301,2023,180,181,0,0,0,0'].join('\n')}\n`);
    const absent = await cswb(['import', 'education', 'school-years', tooManyAbsent], env);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain('line 8: chronically_absent must not be more than enrolment');
    const edi = writeFile('edi-bad.csv', 'area_id,cycle_year,children_assessed,vulnerable_one_or_more\nlakeshore-n001,2024,50,51\nlakeshore-n002,1989,50,5\n');
    const ediResult = await cswb(['import', 'education', 'edi', edi], env);
    expect(ediResult.code).toBe(1);
    expect(ediResult.stderr).toContain('line 2: vulnerable_one_or_more must not be more than children_assessed');
    expect(ediResult.stderr).toContain('line 3, column "cycle_year": "1989" is less than 1990');
    expect(await query(url, 'SELECT * FROM education_school_year_stat')).toEqual([]);
    expect(await query(url, 'SELECT * FROM education_edi_result')).toEqual([]);
  });

  it('rejects a school-year of an unknown school_number with a clear message before writing anything; --skip-invalid writes the rest and a rejects file', async () => {
    const { url, env } = await freshSectorDatabase('education');
    await importSamples('education', ['schools'], env);
    const years = sampleLines('education', 'school-years');
    const file = writeFile('years-unknown-school.csv', `${[...years.slice(0, 3), '999999,2024,50,5,0,0,0,0', ...years.slice(3)].join('\n')}\n`);
    const result = await cswb(['import', 'education', 'school-years', file], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'line 4, column "school_number": "999999" is not a school_number in education_school (import it with the schools dataset first)',
    );
    expect(result.stderr).toContain('nothing was written');
    expect(result.stderr).not.toMatch(/foreign key|violates/);
    expect(await query(url, 'SELECT * FROM education_school_year_stat')).toEqual([]);

    const skipped = await cswb(['import', 'education', 'school-years', file, '--skip-invalid'], env);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('education/school-years: 7 rows read, 6 inserted, 0 updated, 0 unchanged, 1 rejected');
    expect(fs.readFileSync(`${file}.rejects.csv`, 'utf8').trim().split('\n')).toEqual([
      `line,reason,${years[0]}`,
      '4,"line 4, column ""school_number"": ""999999"" is not a school_number in education_school (import it with the schools dataset first)",999999,2024,50,5,0,0,0,0',
    ]);
    const [{ count }] = await query<{ count: number }>(url, 'SELECT count(*)::int AS count FROM education_school_year_stat');
    expect(count).toBe(6);
  });
});

describe('cswb import situation-table', () => {
  const SELECT_DISCUSSIONS = `SELECT discussion_id, to_char(discussed_on, 'YYYY-MM-DD') AS discussed_on, table_id, originating_agency, filter_reached,
    aer_met, area_id, age_group, gender, protective_factors, assisting_agencies, services_mobilised, conclusion,
    to_char(concluded_on, 'YYYY-MM-DD') AS concluded_on FROM situation_table_discussion ORDER BY discussion_id`;
  const SELECT_FACTORS = `SELECT discussion_id, array_agg(factor_code ORDER BY factor_code) AS factors
    FROM situation_table_discussion_risk_factor GROUP BY discussion_id ORDER BY discussion_id`;
  const DISCUSSIONS = ['tables', 'catchments', 'discussions'];
  const SELECT_KEYS = `SELECT discussion_id, record_key::text AS record_key FROM situation_table_discussion ORDER BY discussion_id`;

  /** The CSV sample with one discussion's line replaced. */
  function discussionsWith(replacements: Record<string, string>): string {
    return `${sampleLines('situation-table', 'discussions')
      .map((line) => replacements[line.split(',')[0]] ?? line)
      .join('\n')}\n`;
  }

  it('loads the tables, catchments and discussions samples exactly, with a risk-factor row per code, and refreshes the rollup', async () => {
    const { url, env } = await freshSectorDatabase('situation-table');
    const expected = { tables: 2, catchments: 4, discussions: 6 };
    for (const dataset of DISCUSSIONS) {
      const result = await cswb(['import', 'situation-table', dataset, sample('situation-table', dataset)], env);
      expect(result.code).toBe(0);
      const rows = expected[dataset as keyof typeof expected];
      expect(result.stdout).toContain(`situation-table/${dataset}: ${rows} rows read, ${rows} inserted, 0 updated, 0 unchanged, 0 rejected`);
    }
    expect(await query(url, 'SELECT table_id FROM situation_table_table ORDER BY 1')).toEqual([{ table_id: 'lakeshore-central' }, { table_id: 'lakeshore-east' }]);
    expect(await query(url, 'SELECT table_id, area_id, population_share::text AS share FROM situation_table_catchment ORDER BY area_id')).toEqual([
      { table_id: 'lakeshore-central', area_id: 'lakeshore-n001', share: '0.55' },
      { table_id: 'lakeshore-east', area_id: 'lakeshore-n002', share: '0.6' },
      { table_id: 'lakeshore-east', area_id: 'lakeshore-n003', share: '0.4' },
      { table_id: 'lakeshore-central', area_id: 'lakeshore-n005', share: '0.45' },
    ]);
    const rejected = { area_id: null, age_group: null, gender: null, protective_factors: null, assisting_agencies: null, services_mobilised: null, conclusion: null, concluded_on: null };
    expect(await query(url, SELECT_DISCUSSIONS)).toEqual([
      {
        discussion_id: 'lakeshore-central-2024-0001', discussed_on: '2024-01-09', table_id: 'lakeshore-central', originating_agency: 'POLICE', filter_reached: 4, aer_met: true,
        area_id: 'lakeshore-n001', age_group: '25-29', gender: 'MALE', protective_factors: ['SUPPORTIVE_FAMILY'], assisting_agencies: ['HOUSING', 'SOCIAL_SERVICES', 'MENTAL_HEALTH'],
        services_mobilised: ['MENTAL_HEALTH', 'HOUSING'], conclusion: 'RISK_LOWERED_CONNECTED_TO_SERVICES', concluded_on: '2024-01-16',
      },
      {
        discussion_id: 'lakeshore-central-2024-0002', discussed_on: '2024-01-09', table_id: 'lakeshore-central', originating_agency: 'EDUCATION', filter_reached: 4, aer_met: true,
        area_id: 'lakeshore-n005', age_group: '12-17', gender: 'FEMALE', protective_factors: [], assisting_agencies: ['EDUCATION', 'CHILD_WELFARE', 'MENTAL_HEALTH'],
        services_mobilised: ['MENTAL_HEALTH', 'EDUCATION_SUPPORT'], conclusion: null, concluded_on: null,
      },
      { discussion_id: 'lakeshore-central-2024-0003', discussed_on: '2024-01-16', table_id: 'lakeshore-central', originating_agency: 'HEALTH', filter_reached: 2, aer_met: false, ...rejected },
      {
        discussion_id: 'lakeshore-east-2024-0001', discussed_on: '2024-01-11', table_id: 'lakeshore-east', originating_agency: 'MENTAL_HEALTH', filter_reached: 3, aer_met: true,
        area_id: 'lakeshore-n002', age_group: '60+', gender: 'FEMALE', protective_factors: ['STABLE_HOUSING', 'CONNECTED_TO_SERVICES'], assisting_agencies: ['HEALTH', 'MENTAL_HEALTH'],
        services_mobilised: ['HEALTH_CARE'], conclusion: 'INFORMED_OF_SERVICES', concluded_on: '2024-01-18',
      },
      {
        discussion_id: 'lakeshore-east-2024-0002', discussed_on: '2024-02-08', table_id: 'lakeshore-east', originating_agency: 'POLICE', filter_reached: 4, aer_met: true,
        area_id: 'lakeshore-n003', age_group: '18-24', gender: 'MALE', protective_factors: ['POSITIVE_PEERS'], assisting_agencies: ['POLICE', 'HOUSING', 'SOCIAL_SERVICES', 'MENTAL_HEALTH'],
        services_mobilised: ['MENTAL_HEALTH', 'ADDICTIONS', 'INCOME_SUPPORT'], conclusion: 'RISK_LOWERED_NOT_CONNECTED', concluded_on: '2024-02-22',
      },
      { discussion_id: 'lakeshore-east-2024-0003', discussed_on: '2024-02-08', table_id: 'lakeshore-east', originating_agency: 'HOUSING', filter_reached: 1, aer_met: false, ...rejected },
    ]);
    expect(await query(url, SELECT_FACTORS)).toEqual([
      { discussion_id: 'lakeshore-central-2024-0001', factors: ['DRUGS_PERSON_DRUG_ABUSE', 'HOUSING_EVICTION', 'MENTAL_HEALTH_DIAGNOSED'] },
      { discussion_id: 'lakeshore-central-2024-0002', factors: ['MISSING_SCHOOL_TRUANCY', 'NEGATIVE_PEERS_ASSOCIATION', 'PARENTING_PARENT_CHILD_CONFLICT'] },
      { discussion_id: 'lakeshore-east-2024-0001', factors: ['COGNITIVE_FUNCTIONING_SUSPECTED', 'ELDER_ABUSE_FINANCIAL', 'SOCIAL_ENVIRONMENT_ISOLATION'] },
      {
        discussion_id: 'lakeshore-east-2024-0002',
        factors: ['ALCOHOL_PERSON_ALCOHOL_ABUSE', 'BASIC_NEEDS_PERSON_UNABLE_TO_MEET', 'CRIMINAL_INVOLVEMENT_ASSAULT', 'MENTAL_HEALTH_SUSPECTED'],
      },
    ]);
    // AER discussions count in their neighbourhood; rejected ones are apportioned over the table's catchment.
    const rollup = await query(
      url,
      `SELECT area_id, measure, value::float AS value FROM situation_table_measure_monthly
        WHERE month = '2024-01-01' AND area_id IN ('lakeshore-n001', 'lakeshore-n005') ORDER BY area_id, measure`,
    );
    expect(rollup).toEqual([
      { area_id: 'lakeshore-n001', measure: 'aer_met', value: 1 },
      { area_id: 'lakeshore-n001', measure: 'age.25-29', value: 1 },
      { area_id: 'lakeshore-n001', measure: 'agency.HOUSING', value: 1 },
      { area_id: 'lakeshore-n001', measure: 'agency.MENTAL_HEALTH', value: 1 },
      { area_id: 'lakeshore-n001', measure: 'agency.SOCIAL_SERVICES', value: 1 },
      { area_id: 'lakeshore-n001', measure: 'category.DRUGS', value: 1 },
      { area_id: 'lakeshore-n001', measure: 'category.HOUSING', value: 1 },
      { area_id: 'lakeshore-n001', measure: 'category.MENTAL_HEALTH', value: 1 },
      { area_id: 'lakeshore-n001', measure: 'discussions', value: 1.55 },
      { area_id: 'lakeshore-n001', measure: 'rejected', value: 0.55 },
      { area_id: 'lakeshore-n001', measure: 'risk_lowered', value: 1 },
      { area_id: 'lakeshore-n005', measure: 'aer_met', value: 1 },
      { area_id: 'lakeshore-n005', measure: 'age.12-17', value: 1 },
      { area_id: 'lakeshore-n005', measure: 'agency.CHILD_WELFARE', value: 1 },
      { area_id: 'lakeshore-n005', measure: 'agency.EDUCATION', value: 1 },
      { area_id: 'lakeshore-n005', measure: 'agency.MENTAL_HEALTH', value: 1 },
      { area_id: 'lakeshore-n005', measure: 'category.MISSING_SCHOOL', value: 1 },
      { area_id: 'lakeshore-n005', measure: 'category.NEGATIVE_PEERS', value: 1 },
      { area_id: 'lakeshore-n005', measure: 'category.PARENTING', value: 1 },
      { area_id: 'lakeshore-n005', measure: 'discussions', value: 1.45 },
      { area_id: 'lakeshore-n005', measure: 'rejected', value: 0.45 },
    ]);
  });

  it('changes nothing when the same file is imported again, in CSV with codes in another order, or in JSON lines', async () => {
    const { url, env } = await freshSectorDatabase('situation-table');
    await importSamples('situation-table', DISCUSSIONS, env);
    const before = [await query(url, SELECT_DISCUSSIONS), await query(url, SELECT_FACTORS), await query(url, SELECT_KEYS)];

    const again = await cswb(['import', 'situation-table', 'discussions', sample('situation-table', 'discussions')], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('situation-table/discussions: 6 rows read, 0 inserted, 0 updated, 6 unchanged, 0 rejected');

    const reordered = writeFile(
      'discussions-reordered.csv',
      discussionsWith({
        'lakeshore-central-2024-0001':
          'lakeshore-central-2024-0001,2024-01-09,lakeshore-central,POLICE,4,true,lakeshore-n001,25-29,MALE,SUPPORTIVE_FAMILY,MENTAL_HEALTH;HOUSING;SOCIAL_SERVICES,HOUSING;MENTAL_HEALTH,RISK_LOWERED_CONNECTED_TO_SERVICES,2024-01-16,MENTAL_HEALTH_DIAGNOSED;HOUSING_EVICTION;DRUGS_PERSON_DRUG_ABUSE',
      }),
    );
    const reorderedResult = await cswb(['import', 'situation-table', 'discussions', reordered], env);
    expect(reorderedResult.stdout).toContain('situation-table/discussions: 6 rows read, 0 inserted, 0 updated, 6 unchanged, 0 rejected');

    const jsonl = writeFile(
      'discussions.jsonl',
      [
        {
          discussion_id: 'lakeshore-central-2024-0002', discussed_on: '2024-01-09', table_id: 'lakeshore-central', originating_agency: 'EDUCATION', filter_reached: 4, aer_met: true,
          area_id: 'lakeshore-n005', age_group: '12-17', gender: 'FEMALE', protective_factors: [], assisting_agencies: ['EDUCATION', 'CHILD_WELFARE', 'MENTAL_HEALTH'],
          services_mobilised: ['MENTAL_HEALTH', 'EDUCATION_SUPPORT'], conclusion: null, concluded_on: null,
          risk_factors: ['MISSING_SCHOOL_TRUANCY', 'PARENTING_PARENT_CHILD_CONFLICT', 'NEGATIVE_PEERS_ASSOCIATION'],
        },
        { discussion_id: 'lakeshore-central-2024-0003', discussed_on: '2024-01-16', table_id: 'lakeshore-central', originating_agency: 'HEALTH', filter_reached: 2, aer_met: false },
      ]
        .map((row) => JSON.stringify(row))
        .join('\n'),
    );
    const jsonlResult = await cswb(['import', 'situation-table', 'discussions', jsonl], env);
    expect(jsonlResult.code).toBe(0);
    expect(jsonlResult.stdout).toContain('situation-table/discussions: 2 rows read, 0 inserted, 0 updated, 2 unchanged, 0 rejected');
    // The record keys too: a re-import draws no fresh perturbation (docs/privacy.md).
    expect([await query(url, SELECT_DISCUSSIONS), await query(url, SELECT_FACTORS), await query(url, SELECT_KEYS)]).toEqual(before);
  });

  it("replaces a changed discussion's risk factors, and removes them when a discussion becomes rejected", async () => {
    const { url, env } = await freshSectorDatabase('situation-table');
    await importSamples('situation-table', DISCUSSIONS, env);
    const factorsOf = async (id: string) =>
      (await query<{ factor_code: string }>(url, `SELECT factor_code FROM situation_table_discussion_risk_factor WHERE discussion_id = '${id}' ORDER BY 1`)).map((r) => r.factor_code);
    const sampleLine = (id: string) => sampleLines('situation-table', 'discussions').find((line) => line.startsWith(`${id},`))!;
    const keysBefore = await query(url, SELECT_KEYS);
    expect(new Set(keysBefore.map((row: any) => row.record_key)).size).toBe(keysBefore.length);

    // Only the risk factors change: still an update of that discussion.
    const changedFactors = writeFile(
      'discussions-factors.csv',
      discussionsWith({ 'lakeshore-central-2024-0001': sampleLine('lakeshore-central-2024-0001').replace(/,[^,]*$/, ',HOUSING_EVICTION;SUICIDE_PERSON_THREAT') }),
    );
    const result = await cswb(['import', 'situation-table', 'discussions', changedFactors], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('situation-table/discussions: 6 rows read, 0 inserted, 1 updated, 5 unchanged, 0 rejected');
    expect(await factorsOf('lakeshore-central-2024-0001')).toEqual(['HOUSING_EVICTION', 'SUICIDE_PERSON_THREAT']);
    expect(await factorsOf('lakeshore-central-2024-0002')).toEqual(['MISSING_SCHOOL_TRUANCY', 'NEGATIVE_PEERS_ASSOCIATION', 'PARENTING_PARENT_CHILD_CONFLICT']);
    const categories = await query<{ measure: string }>(
      url,
      `SELECT measure FROM situation_table_measure_monthly WHERE area_id = 'lakeshore-n001' AND month = '2024-01-01' AND measure LIKE 'category.%' ORDER BY 1`,
    );
    expect(categories.map((r) => r.measure)).toEqual(['category.HOUSING', 'category.SUICIDE']);

    // The AER finding withdrawn: the discussion keeps the minimum, its risk factors go.
    const nowRejected = writeFile(
      'discussions-rejected.csv',
      discussionsWith({
        'lakeshore-central-2024-0001': 'lakeshore-central-2024-0001,2024-01-09,lakeshore-central,POLICE,2,false,,,,,,,,,',
        'lakeshore-east-2024-0001': sampleLine('lakeshore-east-2024-0001').replace(',3,true,', ',4,true,'),
      }),
    );
    const rejectedResult = await cswb(['import', 'situation-table', 'discussions', nowRejected], env);
    expect(rejectedResult.code).toBe(0);
    expect(rejectedResult.stdout).toContain('situation-table/discussions: 6 rows read, 0 inserted, 2 updated, 4 unchanged, 0 rejected');
    expect(await factorsOf('lakeshore-central-2024-0001')).toEqual([]);
    const [discussion] = await query(url, `SELECT aer_met, area_id, protective_factors FROM situation_table_discussion WHERE discussion_id = 'lakeshore-central-2024-0001'`);
    expect(discussion).toEqual({ aer_met: false, area_id: null, protective_factors: null });
    // Updated in place, every discussion keeps the key it was given on its first write.
    expect(await query(url, SELECT_KEYS)).toEqual(keysBefore);
  });

  it('rejects an unknown risk-factor code, a rejected discussion that records more than the minimum and an unknown table, writing nothing', async () => {
    const { url, env } = await freshSectorDatabase('situation-table');
    await importSamples('situation-table', ['tables', 'catchments'], env);
    const bad = writeFile(
      'discussions-bad.csv',
      discussionsWith({
        'lakeshore-central-2024-0002':
          'lakeshore-central-2024-0002,2024-01-09,lakeshore-central,EDUCATION,4,true,lakeshore-n005,12-17,FEMALE,[],EDUCATION,MENTAL_HEALTH,,,MISSING_SCHOOL_TRUANCY;MENTAL_HEALTH_UNKNOWN',
        'lakeshore-central-2024-0003': 'lakeshore-central-2024-0003,2024-01-16,lakeshore-central,HEALTH,2,false,lakeshore-n001,,,,,,,,',
        'lakeshore-east-2024-0003': 'lakeshore-east-2024-0003,2024-02-08,lakeshore-east,HOUSING,3,false,,,,,,,,,',
      }),
    );
    const result = await cswb(['import', 'situation-table', 'discussions', bad], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('3 invalid rows; nothing was written');
    expect(result.stderr).toContain('line 3, column "risk_factors": "MENTAL_HEALTH_UNKNOWN" is not one of the 68 allowed codes (docs/import.md lists them)');
    expect(result.stderr).toContain(
      'line 4: area_id must be blank when aer_met is false: a rejected discussion keeps only discussed_on, table_id, originating_agency and filter_reached',
    );
    expect(result.stderr).toContain('line 7: aer_met must be true when filter_reached is 3 or 4 and false when it is 1 or 2');
    expect(await query(url, 'SELECT * FROM situation_table_discussion')).toEqual([]);

    const unknownTable = writeFile('discussions-unknown-table.csv', discussionsWith({}).replace(/lakeshore-east,/g, 'lakeshore-west,'));
    const tableResult = await cswb(['import', 'situation-table', 'discussions', unknownTable], env);
    expect(tableResult.code).toBe(1);
    expect(tableResult.stderr).toContain(
      'line 5, column "table_id": "lakeshore-west" is not a table_id in situation_table_table (import it with the tables dataset first)',
    );
    expect(await query(url, 'SELECT * FROM situation_table_discussion_risk_factor')).toEqual([]);
  });

  it('with --skip-invalid writes the valid discussions and their risk factors, and the rejects with reasons', async () => {
    const { url, env } = await freshSectorDatabase('situation-table');
    await importSamples('situation-table', ['tables', 'catchments'], env);
    const file = writeFile(
      'discussions-some-bad.csv',
      discussionsWith({
        'lakeshore-east-2024-0002':
          'lakeshore-east-2024-0002,2024-02-08,lakeshore-east,POLICE,4,true,lakeshore-n003,18-24,MALE,POSITIVE_PEERS,POLICE,MENTAL_HEALTH,RISK_LOWERED_NOT_CONNECTED,2024-02-22,MENTAL_HEALTH_SUSPECTED;MENTAL_HEALTH_SUSPECTED',
      }),
    );
    const result = await cswb(['import', 'situation-table', 'discussions', file, '--skip-invalid'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('situation-table/discussions: 6 rows read, 5 inserted, 0 updated, 0 unchanged, 1 rejected');
    const rejects = fs.readFileSync(`${file}.rejects.csv`, 'utf8').trim().split('\n');
    expect(rejects).toEqual([
      `line,reason,${sampleLines('situation-table', 'discussions')[0]}`,
      '6,"line 6, column ""risk_factors"": ""MENTAL_HEALTH_SUSPECTED"" is listed twice",lakeshore-east-2024-0002,2024-02-08,lakeshore-east,POLICE,4,true,lakeshore-n003,18-24,MALE,POSITIVE_PEERS,POLICE,MENTAL_HEALTH,RISK_LOWERED_NOT_CONNECTED,2024-02-22,MENTAL_HEALTH_SUSPECTED;MENTAL_HEALTH_SUSPECTED',
    ]);
    expect((await query(url, SELECT_FACTORS)).map((r) => r.discussion_id)).toEqual([
      'lakeshore-central-2024-0001',
      'lakeshore-central-2024-0002',
      'lakeshore-east-2024-0001',
    ]);
  });
});
