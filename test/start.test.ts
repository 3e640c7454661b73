import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { envPrefix } from '@cswb/contract/config';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';
import { CLI_MAIN } from '@cswb/testing/cli';
import { graphql } from '@cswb/testing/graphql';

/** `npm start` as a user runs it: its own embedded PostgreSQL, every subgraph, the gateway. */
interface Started {
  child: ChildProcess;
  output: () => string;
  url: string;
}

const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-start-'));
const children: ChildProcess[] = [];

/** `cswb start` as a user runs it, every port free unless `overrides` says otherwise. */
function spawnStart(overrides: Record<string, string> = {}): ChildProcess {
  // Its progress and addresses are info lines.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', CSWB_DATA_DIR: dataRoot, LOG_LEVEL: 'info' };
  delete env.LOG_FORMAT;
  delete env.DATABASE_URL;
  // As a user runs it: jest's NODE_ENV=test turns off Apollo Server's own signal handlers, which once cut the shutdown short.
  delete env.NODE_ENV;
  for (const { definition } of discoverSubgraphs()) {
    env[`${envPrefix(definition.name)}_PORT`] = '0';
    delete env[`${envPrefix(definition.name)}_DATABASE_URL`];
  }
  const child = spawn(process.execPath, [CLI_MAIN, 'start'], { cwd: PROJECT_ROOT, env: { ...env, ...overrides }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

/** A start expected to fail: its exit code and everything it printed. */
function runStart(overrides: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawnStart(overrides);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

function startHub(): Promise<Started> {
  const child = spawnStart();
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within 30 s:\n${output}`)), 30_000);
    const check = () => {
      const match = /gateway ready on (http:\/\/\S+\/graphql)/.exec(output);
      if (match && output.includes('Press Ctrl-C')) {
        clearTimeout(timer);
        resolve({ child, output: () => output, url: match[1] });
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ready:\n${output}`));
    });
  });
}

function stopHub(started: Started): Promise<number | null> {
  return new Promise((resolve) => {
    started.child.once('exit', (code) => resolve(code));
    started.child.kill('SIGINT');
  });
}

function postmasterPid(): number {
  return Number(fs.readFileSync(path.join(dataRoot, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dataRoot, { recursive: true, force: true });
});

describe('cswb start', () => {
  it('starts PostgreSQL, seeds, serves the gateway, and Ctrl-C stops everything including PostgreSQL', async () => {
    const hub = await startHub();
    expect(hub.output()).toMatch(/Seeded police: \d+ police_occurrence/);
    expect(hub.output()).toContain('curl -s');
    // The printed address opens the planner's web app.
    const appUrl = /Planner's web app: (http:\/\/\S+\/) /.exec(hub.output())?.[1];
    expect(appUrl).toBe(hub.url.replace(/graphql$/, ''));
    const app = await fetch(appUrl!);
    expect(app.status).toBe(200);
    expect(app.headers.get('content-type')).toContain('text/html');
    expect(await app.text()).toContain('<div id="app">');

    const readiness = await fetch(hub.url.replace(/\/graphql$/, '/readiness'));
    expect(readiness.status).toBe(200);
    const response = await graphql(hub.url, '{ areas(kind: WARD) { name police { indicators(from: "2024-01-01", to: "2024-12-31", ids: ["police.violent_crime_rate"]) { observations { numerator } } } } }');
    expect(response.errors).toBeUndefined();
    expect(response.data.areas).toHaveLength(4);
    expect(response.data.areas[0].police.indicators[0].observations[0].numerator).toBeGreaterThan(0);

    const pid = postmasterPid();
    expect(isAlive(pid)).toBe(true);
    expect(await stopHub(hub)).toBe(0);
    expect(hub.output()).toContain('Stopped.');
    expect(isAlive(pid)).toBe(false);
    // Its output is not a terminal: every line a JSON log line, without colours, its own lines named `cswb`.
    expect(hub.output()).not.toMatch(/\u001b\[|\\u001b/);
    const lines = hub.output().trimEnd().split('\n').map((line) => JSON.parse(line) as { level: string; msg?: string; service: string });
    expect(lines.find((line) => line.msg?.startsWith("Planner's web app: "))).toMatchObject({ level: 'info', service: 'cswb' });
    expect(lines.find((line) => line.msg === 'graphql request')).toMatchObject({ level: 'info', service: 'cswb-gateway' });
  });

  it('a port already taken stops it with one line naming the port, and leaves nothing running', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const result = await runStart({ HEALTH_PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.output).toContain(`cswb start: 127.0.0.1:${port} is already in use (another hub running?)`);
      expect(result.output).not.toMatch(/\n\s+at /);
      // PostgreSQL, started before the port was tried, was stopped again (a clean stop removes its pid file).
      expect(fs.existsSync(path.join(dataRoot, 'postgres', 'postmaster.pid'))).toBe(false);
    } finally {
      taken.close();
    }
  });

  it('keeps the data between starts and does not seed twice', async () => {
    const hub = await startHub();
    expect(hub.output()).not.toContain('Seeded');
    const response = await graphql(hub.url, '{ areas { id } }');
    expect(response.data.areas).toHaveLength(29);
    expect(await stopHub(hub)).toBe(0);
  });
});
