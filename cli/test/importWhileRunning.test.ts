import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT } from '@cswb/cli';
import { EmbeddedPostgres } from '@cswb/subgraph-kit/db';
import { CliResult, cswb } from '@cswb/testing/cli';
import { Client } from 'pg';

/**
 * An agency loads a file while `npm start` runs: the data directory already has its server
 * (started by another process), and `cswb import` must use it rather than fail on its lock.
 */
const SAMPLE = path.join(PROJECT_ROOT, 'docs', 'import-samples', 'education', 'schools.csv');

let dataDir: string;
let running: EmbeddedPostgres;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-import-running-'));
  running = new EmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: 0 });
  await running.start();
}, 120_000);

afterAll(async () => {
  await running?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function cswbImport(dataset = 'schools', file = SAMPLE): Promise<CliResult> {
  return cswb(['import', 'education', dataset, file], { CSWB_DATA_DIR: dataDir });
}

it('imports into the server already running on the data directory, and leaves it running', async () => {
  // The schools' neighbourhoods must be in the area registry first.
  expect((await cswbImport('areas', path.join(PROJECT_ROOT, 'docs', 'import-samples', 'areas.csv'))).code).toBe(0);
  const result = await cswbImport();
  expect(result.stderr).not.toContain('postmaster.pid');
  expect(result.code).toBe(0);
  const client = new Client({ connectionString: running.url.replace(/\/postgres$/, '/cswb_education') });
  await client.connect();
  try {
    const [{ count }] = (await client.query('SELECT count(*)::int AS count FROM education_school')).rows;
    const sampleRows = fs.readFileSync(SAMPLE, 'utf8').trim().split('\n').length - 1;
    expect(count).toBe(sampleRows);
  } finally {
    await client.end();
  }
}, 120_000);
