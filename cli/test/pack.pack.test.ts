import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT, readSectorRegistry } from '@cswb/cli';
import { CLI_MAIN } from '@cswb/testing/cli';

/**
 * The CLI as a user installs it (npm run test:pack, after npm run build): its package and the
 * workspace packages it needs packed, the tarballs installed into a fresh project and globally,
 * then run from folders that are not the checkout. Third-party packages come from the registry.
 */

const INSTALL_TIMEOUT_MS = 15 * 60_000;

interface PackedFile {
  path: string;
  size: number;
}
interface Packed {
  name: string;
  filename: string;
  size: number;
  files: PackedFile[];
}

/** The environment of a shell outside npm: nothing of the test run's npm script leaks into the child npm. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of Object.keys(env)) if (/^npm_/i.test(name) || name === 'INIT_CWD' || name.endsWith('DATABASE_URL') || name.startsWith('CSWB_')) delete env[name];
  return env;
}

function run(command: string, args: string[], options: SpawnSyncOptions & { cwd: string }) {
  const result = spawnSync(command, args, { env: userEnv(), encoding: 'utf8', timeout: 120_000, ...options });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A workspace's package.json (through the checkout's node_modules link: some packages do not export it). */
function workspaceDependencies(name: string): string[] {
  const manifest = path.join(PROJECT_ROOT, 'node_modules', ...name.split('/'), 'package.json');
  return Object.keys((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {});
}

/** @cswb/cli, the @cswb packages it depends on (transitively), and the sectors of subgraphs.txt. */
function packagesToPack(): string[] {
  const names = new Set<string>();
  const visit = (name: string) => {
    if (names.has(name)) return;
    names.add(name);
    for (const dependency of workspaceDependencies(name)) if (dependency.startsWith('@cswb/')) visit(dependency);
  };
  visit('@cswb/cli');
  for (const sector of readSectorRegistry()) visit(`@cswb/subgraph-${sector}`);
  return [...names];
}

let work: string;
let tarballs: string[];
let packed: Packed[];
let project: string;
let globalPrefix: string;
/** Where the installed command is run: a hub folder of its own, not the checkout, not the install. */
let hub: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-pack-'));
  const destination = path.join(work, 'tarballs');
  fs.mkdirSync(destination);
  const pack = run('npm', ['pack', '--json', '--pack-destination', destination, ...packagesToPack().flatMap((name) => ['-w', name])], { cwd: PROJECT_ROOT });
  expect({ code: pack.code, stderr: pack.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
  packed = JSON.parse(pack.stdout) as Packed[];
  tarballs = packed.map((p) => path.join(destination, p.filename));

  project = path.join(work, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'cswb-install-check', version: '1.0.0', private: true }));
  const local = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], { cwd: project, timeout: INSTALL_TIMEOUT_MS });
  expect({ code: local.code, stderr: local.stderr }).toEqual({ code: 0, stderr: expect.any(String) });

  globalPrefix = path.join(work, 'global');
  const global = run('npm', ['install', '-g', '--prefix', globalPrefix, '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], {
    cwd: work,
    timeout: INSTALL_TIMEOUT_MS,
  });
  expect({ code: global.code, stderr: global.stderr }).toEqual({ code: 0, stderr: expect.any(String) });

  hub = path.join(work, 'hub');
  fs.mkdirSync(hub);
}, 3 * INSTALL_TIMEOUT_MS);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const version = (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'cli', 'package.json'), 'utf8')) as { version: string }).version;
const checkoutHelp = () => spawnSync(process.execPath, [CLI_MAIN, '--help'], { encoding: 'utf8' }).stdout;

describe('the packed CLI', () => {
  it('packs the CLI and the packages it needs, built code only: no sources, tests, maps or build info', () => {
    expect(packed.map((p) => p.name).sort()).toEqual(packagesToPack().sort());
    for (const { name, files } of packed) {
      const paths = files.map((f) => f.path);
      expect({ name, unexpected: paths.filter((p) => /^(src|test)\/|\.map$|\.tsbuildinfo$|^tsconfig\.json$/.test(p)) }).toEqual({ name, unexpected: [] });
      expect({ name, main: paths.filter((p) => /^dist\/.*\.js$/.test(p)).length > 0 }).toEqual({ name, main: true });
    }
    // What the commands read beside the code is packed too.
    const files = (name: string) => packed.find((p) => p.name === name)!.files.map((f) => f.path);
    expect(files('@cswb/cli')).toEqual(expect.arrayContaining(['dist/main.js', 'package.json']));
    expect(files('@cswb/gateway')).toContain('generated/supergraph.graphql');
    for (const sector of readSectorRegistry()) expect(files(`@cswb/subgraph-${sector}`)).toContain('generated/schema.graphql');
  });

  it('installs as real folders, not links to the checkout', () => {
    const bin = path.join(project, 'node_modules', '.bin', 'cswb');
    expect(fs.realpathSync(bin)).toBe(path.join(fs.realpathSync(project), 'node_modules', '@cswb', 'cli', 'dist', 'main.js'));
    for (const name of packagesToPack()) expect(fs.lstatSync(path.join(project, 'node_modules', ...name.split('/'))).isSymbolicLink()).toBe(false);
  });

  it('runs with npx and from node_modules/.bin: --version, --help, a command’s help', () => {
    const npx = run('npx', ['--no-install', 'cswb', '--version'], { cwd: project });
    expect(npx).toEqual({ code: 0, stdout: `cswb ${version}\n`, stderr: '' });
    const bin = path.join(project, 'node_modules', '.bin', 'cswb');
    expect(run(bin, ['--version'], { cwd: hub })).toEqual({ code: 0, stdout: `cswb ${version}\n`, stderr: '' });
    expect(run(bin, ['--help'], { cwd: hub })).toEqual({ code: 0, stdout: checkoutHelp(), stderr: '' });
    expect(run(bin, [], { cwd: hub })).toEqual({ code: 0, stdout: checkoutHelp(), stderr: '' });
    const token = run(bin, ['token', '--help'], { cwd: hub });
    expect([token.code, token.stderr]).toEqual([0, '']);
    expect(token.stdout).toMatch(/^Usage: cswb token --role <role>/);
    const compose = run(bin, ['compose', '--help'], { cwd: hub });
    expect([compose.code, compose.stdout.split('\n')[0]]).toEqual([0, 'Usage: cswb compose [--check]']);
    expect(run(bin, ['frobnicate'], { cwd: hub }).code).toBe(2);
  });

  it('works on the current folder: certs and a development token made there, from its subgraphs.txt and the installed sectors', () => {
    const bin = path.join(project, 'node_modules', '.bin', 'cswb');
    const withoutRegistry = run(bin, ['certs'], { cwd: hub });
    expect(withoutRegistry).toEqual({ code: 1, stdout: '', stderr: `cswb: no subgraphs.txt in ${hub}: list the sectors this hub runs there, one a line (docs/cli.md)\n` });

    const sectors = readSectorRegistry();
    fs.writeFileSync(path.join(hub, 'subgraphs.txt'), `# the sectors this hub runs\n${sectors.join('\n')}\n`);
    const certs = run(bin, ['certs'], { cwd: hub });
    expect([certs.code, certs.stderr]).toEqual([0, '']);
    const certsDir = path.join(hub, '.data', 'certs');
    expect(certs.stdout.split('\n')[0]).toBe(`Deployment CA and certificates in ${certsDir}:`);
    for (const member of ['ca', 'gateway', ...sectors]) expect(fs.existsSync(path.join(certsDir, `${member}.crt`))).toBe(true);

    const token = run(bin, ['token', '--role', 'planner'], { cwd: hub });
    expect([token.code, token.stdout]).toEqual([0, expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+\n$/)]);
    expect(fs.existsSync(path.join(hub, '.data', 'dev-jwt-secret'))).toBe(true);

    fs.writeFileSync(path.join(hub, 'subgraphs.txt'), 'police\nferries\n');
    expect(run(bin, ['certs'], { cwd: hub })).toEqual({ code: 1, stdout: '', stderr: 'cswb: subgraphs.txt lists "ferries", but the package @cswb/subgraph-ferries is not installed\n' });
    fs.rmSync(path.join(hub, 'subgraphs.txt'));
  });

  it('runs installed globally: --version, --help, completion, a development token and certificates for every sector, from any folder', () => {
    const bin = path.join(globalPrefix, 'bin', 'cswb');
    expect(run(bin, ['--version'], { cwd: hub })).toEqual({ code: 0, stdout: `cswb ${version}\n`, stderr: '' });
    expect(run(bin, ['--help'], { cwd: os.tmpdir() })).toEqual({ code: 0, stdout: checkoutHelp(), stderr: '' });
    const completion = run(bin, ['completion', 'bash'], { cwd: hub });
    expect([completion.code, completion.stdout]).toEqual([0, expect.stringContaining('complete -o default -F _cswb cswb')]);

    const globalHub = path.join(work, 'global-hub');
    fs.mkdirSync(globalHub);
    const token = run(bin, ['token', '--role', 'auditor'], { cwd: globalHub });
    expect([token.code, token.stdout, token.stderr]).toEqual([0, expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+\n$/), expect.any(String)]);
    expect(fs.existsSync(path.join(globalHub, '.data', 'dev-jwt-secret'))).toBe(true);

    // The sectors come with the CLI: a hub folder needs only its subgraphs.txt.
    const sectors = readSectorRegistry();
    fs.writeFileSync(path.join(globalHub, 'subgraphs.txt'), `${sectors.join('\n')}\n`);
    const certs = run(bin, ['certs'], { cwd: globalHub });
    expect([certs.code, certs.stderr]).toEqual([0, '']);
    for (const member of ['ca', 'gateway', ...sectors]) expect(fs.existsSync(path.join(globalHub, '.data', 'certs', `${member}.crt`))).toBe(true);
  });
});
