import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT, readSectorRegistry } from '@cswb/cli';
import { envPrefix } from '@cswb/contract/config';
import { dropDatabase, freshDatabaseUrl } from '@cswb/testing/database';
import { graphql } from '@cswb/testing/graphql';
import { bearer, signToken, TEST_JWT_SECRET } from '@cswb/testing/tokens';

/**
 * `cswb new-sector transit` in a copy of the project, then what a developer does next: link the
 * workspace (as npm install would), build it, compose, and start the hub: the new sector migrates,
 * seeds and serves, and its indicator shows on Area through the gateway.
 */

/** Left out of the copy: installed, built or run-time files; node_modules is linked instead. */
const NOT_COPIED = new Set(['node_modules', '.git', '.data']);
/** Build output, not sources: left out of the comparison of the trees before and after. */
const BUILT = /(^|\/)(dist|node_modules|\.data|\.certs)(\/|$)|\.tsbuildinfo$/;

let root: string;
let hub: ChildProcess | undefined;
const databases: string[] = [];

function cswbIn(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(root, 'cli', 'dist', 'main.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every source file of the copy, relative path → content hash. */
function snapshot(dir = root, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (BUILT.test(relative)) continue;
    if (entry.isDirectory()) for (const [file, hash] of snapshot(dir, relative)) files.set(file, hash);
    else if (entry.isFile()) files.set(relative, createHash('sha256').update(fs.readFileSync(path.join(dir, relative))).digest('hex'));
  }
  return files;
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file)).sort();
}

/** The project's node_modules, but for @cswb: links to the copy's own workspaces, as npm makes them. */
function linkNodeModules(): void {
  const modules = path.join(root, 'node_modules');
  fs.mkdirSync(path.join(modules, '@cswb'), { recursive: true });
  for (const entry of fs.readdirSync(path.join(PROJECT_ROOT, 'node_modules'))) {
    if (entry !== '@cswb') fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules', entry), path.join(modules, entry));
  }
  for (const entry of fs.readdirSync(path.join(PROJECT_ROOT, 'node_modules', '@cswb'))) {
    fs.symlinkSync(fs.readlinkSync(path.join(PROJECT_ROOT, 'node_modules', '@cswb', entry)), path.join(modules, '@cswb', entry));
  }
}

/** `cswb start` in the copy, on the test PostgreSQL; resolves with the gateway's URL. */
function startHub(): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', SEED_SIZE: 'small', JWT_DEV_SECRET: TEST_JWT_SECRET, HUB_CERTS_DIR: path.join(root, '.certs'), LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  for (const name of readSectorRegistry(root)) {
    const url = freshDatabaseUrl(`new_sector_${name}`);
    databases.push(url);
    env[`${envPrefix(name)}_DATABASE_URL`] = url;
    env[`${envPrefix(name)}_PORT`] = '0';
  }
  const child = spawn(process.execPath, [path.join(root, 'cli', 'dist', 'main.js'), 'start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  hub = child;
  let output = '';
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /gateway ready on (\S+)/.exec(output);
      if (ready) resolve(ready[1]);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code) => reject(new Error(`cswb start exited with ${code}:\n${output}`)));
  });
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-new-sector-'));
  // Build output is copied too (timestamps kept, so tsc -b sees it up to date): only the new sector gets built.
  fs.cpSync(PROJECT_ROOT, root, {
    recursive: true,
    preserveTimestamps: true,
    filter: (source) => !NOT_COPIED.has(path.relative(PROJECT_ROOT, source).split(path.sep)[0]),
  });
  linkNodeModules();
});

afterAll(async () => {
  if (hub && hub.exitCode === null) {
    const exited = new Promise((resolve) => hub!.once('exit', resolve));
    hub.kill('SIGTERM');
    await exited;
  }
  await Promise.all(databases.map(dropDatabase));
  fs.rmSync(root, { recursive: true, force: true });
});

describe('cswb new-sector', () => {
  it('refuses a missing, invalid, reserved or existing name with exit 2 and writes nothing', () => {
    const before = snapshot();
    const refusals = [[], ['Transit'], ['child--welfare'], ['gateway'], ['police']].map((args) => {
      const result = cswbIn(['new-sector', ...args]);
      return { status: result.status, message: result.stderr.split('\n')[0], stdout: result.stdout };
    });
    const invalid = 'is not a valid sector name: use lower-case words of letters and digits joined by single dashes, starting with a letter, at most 40 characters (e.g. transit, child-welfare)';
    expect(refusals).toEqual(
      [
        'cswb new-sector: expected one sector name, e.g. cswb new-sector transit (cswb help new-sector)',
        `cswb new-sector: "Transit" ${invalid}`,
        `cswb new-sector: "child--welfare" ${invalid}`,
        'cswb new-sector: "gateway" is reserved: docker-compose.yml has a service of that name',
        'cswb new-sector: subgraphs/police already exists',
      ].map((message) => ({ status: 2, message, stdout: '' })),
    );
    expect(changedFiles(before, snapshot())).toEqual([]);
  });

  it('refuses a name the registry lists already', () => {
    const registry = path.join(root, 'subgraphs.txt');
    const listed = fs.readFileSync(registry, 'utf8');
    fs.writeFileSync(registry, `${listed}ferries\n`);
    try {
      const result = cswbIn(['new-sector', 'ferries']);
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 2, stderr: 'cswb new-sector: "ferries" is already in subgraphs.txt\n' });
      expect(fs.existsSync(path.join(root, 'subgraphs', 'ferries'))).toBe(false);
    } finally {
      fs.writeFileSync(registry, listed);
    }
  });

  it('scaffolds a sector that builds, composes, migrates, seeds and serves its indicator on Area', async () => {
    const before = snapshot();
    const registryBefore = fs.readFileSync(path.join(root, 'subgraphs.txt'), 'utf8');

    const created = cswbIn(['new-sector', 'transit']);
    expect({ status: created.status, stderr: created.stderr }).toEqual({ status: 0, stderr: '' });
    expect(created.stdout).toContain('Created subgraphs/transit (port 4008, Area.transit)');
    expect(fs.readFileSync(path.join(root, 'subgraphs.txt'), 'utf8')).toBe(`${registryBefore}transit\n`);

    // What `npm install` does for a new workspace.
    fs.symlinkSync('../../subgraphs/transit', path.join(root, 'node_modules', '@cswb', 'subgraph-transit'));
    const tsc = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'subgraphs/transit'], { cwd: root, encoding: 'utf8' });
    expect({ status: tsc.status, output: tsc.stdout + tsc.stderr }).toEqual({ status: 0, output: '' });

    const composed = cswbIn(['compose']);
    expect({ status: composed.status, stderr: composed.stderr }).toEqual({ status: 0, stderr: '' });
    const supergraph = fs.readFileSync(path.join(root, 'gateway', 'generated', 'supergraph.graphql'), 'utf8');
    expect(supergraph).toContain('@join__graph(name: "transit", url: "http://localhost:4008/graphql")');
    expect(supergraph).toMatch(/type Area[^}]*\n {2}transit: TransitProfile @join__field\(graph: TRANSIT\)/);
    expect(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')).toContain('command: ["node", "cli/dist/main.js", "serve-subgraph", "transit"]');

    // Outside its folder: its registry line, and what compose generates.
    const outside = changedFiles(before, snapshot()).filter((file) => !file.startsWith('subgraphs/transit/'));
    expect(outside.filter((file) => file !== 'subgraphs.txt' && file !== 'docker-compose.yml' && !file.includes('/generated/'))).toEqual([]);
    expect(outside).toEqual(expect.arrayContaining(['subgraphs.txt', 'docker-compose.yml', 'gateway/generated/supergraph.graphql']));

    const gateway = await startHub();
    const token = await signToken({ sub: 'new-sector-test', scope: 'aggregates:read', agency: 'lakeshore-municipality', purpose: 'planning' });
    const response = await graphql(
      gateway,
      `{ areas(kind: WARD) { id transit { indicators(from: "2023-01-01", to: "2023-12-31", granularity: YEAR) { indicator { id sector } observations { value numerator } } } } }`,
      undefined,
      bearer(token),
    );
    expect(response.errors).toBeUndefined();
    const areas = response.data.areas as { transit: { indicators: { indicator: { id: string; sector: string }; observations: { numerator: number | null }[] }[] } }[];
    expect(areas.length).toBeGreaterThan(0);
    for (const area of areas) {
      expect(area.transit.indicators.map((series) => series.indicator)).toEqual([{ id: 'transit.event_rate', sector: 'transit' }]);
      expect(area.transit.indicators[0].observations[0].numerator).toBeGreaterThan(0);
    }
  }, 150_000);
});
