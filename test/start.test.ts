import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { envPrefix } from '@cswb/contract/config';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';
import { EmbeddedPostgres } from '@cswb/subgraph-kit/db';
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
  // A process group of its own, as a terminal's foreground job: Ctrl-C reaches the gateway's process too.
  const child = spawn(process.execPath, [CLI_MAIN, 'start'], { cwd: PROJECT_ROOT, env: { ...env, ...overrides }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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

function startHub(overrides: Record<string, string> = {}): Promise<Started> {
  const child = spawnStart(overrides);
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
    // Ctrl-C: SIGINT to the whole group.
    process.kill(-started.child.pid!, 'SIGINT');
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

/** The inode of the socket listening on `port` (Linux: /proc/net/tcp and tcp6). */
function listeningSocket(port: number): string {
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const row of fs.readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
      const fields = row.trim().split(/\s+/);
      // local address, state (0A: LISTEN), …, inode
      if (parseInt(fields[1].split(':')[1], 16) === port && fields[3] === '0A') return fields[9];
    }
  }
  throw new Error(`nothing listens on port ${port}`);
}

/** Whether process `pid` holds that socket open: which process serves the port. */
function holdsSocket(pid: number, inode: string): boolean {
  return fs.readdirSync(`/proc/${pid}/fd`).some((fd) => {
    try {
      return fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`;
    } catch {
      return false;
    }
  });
}

/** /proc/<pid>/stat after "pid (name) ": state, ppid, …; undefined once the process is gone. */
function statOf(pid: number): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function parentPid(pid: number): number {
  return Number(statOf(pid)![1]);
}

/** Running: not gone, and not a zombie waiting to be reaped (an orphan's exit is reaped by init, maybe later). */
function isRunning(pid: number): boolean {
  const state = statOf(pid)?.[0];
  return state !== undefined && state !== 'Z';
}

/** Processes still running with this test's data folder in their environment (the hub's, PostgreSQL's). */
function processesOfThisTest(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        return isRunning(pid) && fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`CSWB_DATA_DIR=${dataRoot}`);
      } catch {
        return false;
      }
    });
}

/** The gateway's process and the subgraphs' process, as `cswb start` names them. */
function processesOf(output: string): { gateway: number; subgraphs: number } {
  const match = /Gateway in process (\d+), subgraphs in process (\d+)/.exec(output);
  if (!match) throw new Error(`no process line in:\n${output}`);
  return { gateway: Number(match[1]), subgraphs: Number(match[2]) };
}

afterAll(() => {
  for (const child of children) {
    try {
      // Its whole group: the gateway's process and PostgreSQL too, if a test failed halfway.
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
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
    // Its PostgreSQL commits only once the WAL is on disk: an audit entry outlives a crash of the machine before its answer leaves.
    const postgres = new Client({ connectionString: await new EmbeddedPostgres({ dataDir: path.join(dataRoot, 'postgres'), port: 0 }).start() });
    await postgres.connect();
    try {
      expect((await postgres.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0].synchronous_commit).toBe('on');
    } finally {
      await postgres.end();
    }
    const response = await graphql(hub.url, '{ areas(kind: WARD) { name police { indicators(from: "2024-01-01", to: "2024-12-31", ids: ["police.violent_crime_rate"]) { observations { numerator } } } } }');
    expect(response.errors).toBeUndefined();
    expect(response.data.areas).toHaveLength(4);
    expect(response.data.areas[0].police.indicators[0].observations[0].numerator).toBeGreaterThan(0);

    // A planner's token from the development secret `cswb start` chose (what `npm run token` makes):
    // the gateway's process verifies it, and planning's risk analysis (in the subgraphs' process)
    // calls back through the gateway for the police indicator.
    const token = execFileSync(process.execPath, [CLI_MAIN, 'token', '--role', 'planner'], { cwd: PROJECT_ROOT, env: { ...process.env, CSWB_DATA_DIR: dataRoot }, encoding: 'utf8' }).trim();
    const risk = await graphql(
      hub.url,
      '{ riskAnalysis(indicators: [{ indicatorId: "police.violent_crime_rate", weight: 1 }], from: "2023-01-01", to: "2024-12-31") { rank composite } }',
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(risk.errors).toBeUndefined();
    expect(risk.data.riskAnalysis.length).toBeGreaterThan(0);
    expect(risk.data.riskAnalysis[0]).toMatchObject({ rank: 1, composite: expect.any(Number) });

    // The gateway listens in a child process of its own; the subgraphs in the process started.
    const processes = processesOf(hub.output());
    expect(processes.subgraphs).toBe(hub.child.pid);
    expect(processes.gateway).not.toBe(processes.subgraphs);
    expect(parentPid(processes.gateway)).toBe(processes.subgraphs);
    const gatewaySocket = listeningSocket(Number(new URL(hub.url).port));
    expect(holdsSocket(processes.gateway, gatewaySocket)).toBe(true);
    expect(holdsSocket(processes.subgraphs, gatewaySocket)).toBe(false);
    const policeUrl = /Subgraph police: (\S+)/.exec(hub.output())![1];
    const policeSocket = listeningSocket(Number(new URL(policeUrl).port));
    expect(holdsSocket(processes.subgraphs, policeSocket)).toBe(true);
    expect(holdsSocket(processes.gateway, policeSocket)).toBe(false);

    const pid = postmasterPid();
    expect(isAlive(pid)).toBe(true);
    expect(await stopHub(hub)).toBe(0);
    expect(hub.output().match(/"Stopped\."/g)).toHaveLength(1);
    expect(isAlive(pid)).toBe(false);
    expect(isAlive(processes.gateway)).toBe(false);
    expect(processesOfThisTest()).toEqual([]);
    // Its output is not a terminal: every line a JSON log line, without colours, its own lines named `cswb`.
    expect(hub.output()).not.toMatch(/\u001b\[|\\u001b/);
    const lines = hub.output().trimEnd().split('\n').map((line) => JSON.parse(line) as { level: string; msg?: string; service: string });
    expect(lines.find((line) => line.msg?.startsWith("Planner's web app: "))).toMatchObject({ level: 'info', service: 'cswb' });
    expect(lines.find((line) => line.msg === 'graphql request')).toMatchObject({ level: 'info', service: 'cswb-gateway' });
  });

  it.each([
    ['a subgraph', 'HEALTH_PORT'],
    ['the gateway (in its own process, started after the subgraphs)', 'PORT'],
  ])('a port already taken, of %s: one line naming the port, and nothing left running', async (_what, variable) => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const result = await runStart({ [variable]: String(port) });
      expect(result.code).toBe(1);
      expect(result.output).toContain(`cswb start: 127.0.0.1:${port} is already in use (another hub running?)`);
      expect(result.output.match(/is already in use/g)).toHaveLength(1);
      expect(result.output).not.toMatch(/\n\s+at /);
      expect(result.output).not.toContain('gateway ready');
      // PostgreSQL, started before the port was tried, was stopped again (a clean stop removes its pid file).
      expect(fs.existsSync(path.join(dataRoot, 'postgres', 'postmaster.pid'))).toBe(false);
      // Neither the gateway's process nor PostgreSQL is left running.
      expect(processesOfThisTest()).toEqual([]);
    } finally {
      taken.close();
    }
  });

  it('refuses an unknown START_LAYOUT before starting anything', async () => {
    const result = await runStart({ START_LAYOUT: 'threads' });
    expect(result.code).toBe(1);
    expect(result.output).toBe('cswb start: START_LAYOUT: must be one of split, single, got "threads"\n');
    expect(processesOfThisTest()).toEqual([]);
  });

  it('keeps the data between starts and does not seed twice; START_LAYOUT=single runs the gateway in the same process', async () => {
    const hub = await startHub({ START_LAYOUT: 'single' });
    expect(hub.output()).not.toContain('Seeded');
    expect(hub.output()).toContain(`Gateway and subgraphs in process ${hub.child.pid} (START_LAYOUT=single)`);
    expect(holdsSocket(hub.child.pid!, listeningSocket(Number(new URL(hub.url).port)))).toBe(true);
    const response = await graphql(hub.url, '{ areas { id } }');
    expect(response.data.areas).toHaveLength(29);
    expect(await stopHub(hub)).toBe(0);
  });

  it('a gateway process that dies stops the subgraphs and PostgreSQL too, with exit code 1', async () => {
    const hub = await startHub();
    const { gateway } = processesOf(hub.output());
    expect((await graphql(hub.url, '{ areas(kind: WARD) { id } }')).data.areas).toHaveLength(4);
    const postgres = postmasterPid();
    const exited = new Promise<number | null>((resolve) => hub.child.once('exit', (code) => resolve(code)));
    process.kill(gateway, 'SIGKILL');
    expect(await exited).toBe(1);
    expect(hub.output()).toContain(`cswb start: the gateway process ${gateway} exited (signal SIGKILL); stopping subgraphs and PostgreSQL`);
    expect(isAlive(postgres)).toBe(false);
    expect(processesOfThisTest()).toEqual([]);
  });

  it('the gateway process exits when cswb start is killed outright', async () => {
    const hub = await startHub();
    const { gateway } = processesOf(hub.output());
    const postgres = postmasterPid();
    const exited = new Promise<void>((resolve) => hub.child.once('exit', () => resolve()));
    hub.child.kill('SIGKILL');
    await exited;
    try {
      // Its IPC channel closed: it stops on its own (no timing asserted, only that it happens).
      while (isRunning(gateway)) await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      // An embedded PostgreSQL outlives a killed parent: this test stops it.
      process.kill(postgres, 'SIGTERM');
      while (isRunning(postgres)) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
});
