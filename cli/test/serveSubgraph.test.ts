import { TEST_JWT_SECRET } from '@cswb/testing/tokens';
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';
import { CLI_MAIN } from '@cswb/testing/cli';
import { dropDatabase, freshDatabaseUrl } from '@cswb/testing/database';
import { postAsGateway } from '@cswb/testing/trust';

/** `cswb serve-subgraph <name>` as a container runs it: a child process of the built CLI. */

const children: ChildProcess[] = [];
const databases: string[] = [];

interface Output {
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string>): { child: ChildProcess; output: Output } {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    // Its "listening on" line is info.
    LOG_LEVEL: 'info',
    JWT_DEV_SECRET: TEST_JWT_SECRET,
    HUB_CERTS_DIR: process.env.CSWB_TEST_CERTS_DIR,
    ...env,
  };
  // Settings of the shell running the tests must not leak into the child.
  // NODE_ENV too: jest's `test` turns off Apollo Server's own signal handlers, which a deployed subgraph has.
  for (const variable of ['DATABASE_URL', 'PORT', 'HOST', 'NODE_ENV']) if (!(variable in env)) delete childEnv[variable];
  const child = spawn(process.execPath, [CLI_MAIN, ...args], { cwd: PROJECT_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const output: Output = { stdout: '', stderr: '' };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  return { child, output };
}

function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** The exit code, or a rejection if the child has not exited within `ms`. */
function exitOf(child: ChildProcess, ms: number, output: Output): Promise<number | null> {
  if (!running(child)) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`still running after ${ms} ms\nstdout:\n${output.stdout}\nstderr:\n${output.stderr}`)),
      ms,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** The `url` of the `listening on <url>` log line (stdout is a pipe: JSON lines), once the child writes it. */
function listeningUrl(child: ChildProcess, output: Output, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error, url?: string) => {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.off('exit', exited);
      if (error) reject(error);
      else resolve(url!);
    };
    const details = () => `\nstdout:\n${output.stdout}\nstderr:\n${output.stderr}`;
    const check = () => {
      const listening = output.stdout
        .split('\n')
        .filter((line) => line.startsWith('{') && line.endsWith('}'))
        .map((line) => JSON.parse(line) as { msg?: string; url?: string })
        .find((line) => / listening on /.test(line.msg ?? ''));
      if (listening?.url) finish(undefined, listening.url);
    };
    const exited = (code: number | null) => finish(new Error(`exited with ${code} before listening${details()}`));
    const timer = setTimeout(() => finish(new Error(`not listening after ${ms} ms${details()}`)), ms);
    // Registered after run()'s own listener, so `output` already holds the new chunk.
    child.stdout!.on('data', check);
    child.once('exit', exited);
    check();
  });
}

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (running(child)) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
});

afterAll(async () => {
  await Promise.all(databases.splice(0).map(dropDatabase));
});

describe('cswb serve-subgraph', () => {
  it('migrates, seeds and serves one subgraph until SIGTERM', async () => {
    const databaseUrl = freshDatabaseUrl('serve_planning');
    databases.push(databaseUrl);
    const { child, output } = run(['serve-subgraph', 'planning'], {
      PLANNING_DATABASE_URL: databaseUrl,
      PLANNING_PORT: '0',
      SEED_SIZE: 'small',
    });

    const url = await listeningUrl(child, output, 30_000);
    expect(output.stdout).toContain(`subgraph planning listening on ${url}`);

    expect(url).toMatch(/^https:/);
    const response = await postAsGateway({ name: 'planning', url }, JSON.stringify({ query: '{ areas(kind: WARD) { id } }' }), {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body) as { data?: { areas: { id: string }[] }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.areas).toHaveLength(4);

    // Anyone but the gateway is turned away at the TLS handshake.
    await expect(
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) }),
    ).rejects.toThrow();


    child.kill('SIGTERM');
    expect(await exitOf(child, 10_000, output)).toBe(0);
  }, 60_000);

  it('exits 1 naming the fix when the deployment certificates are missing', async () => {
    const { child, output } = run(['serve-subgraph', 'planning'], {
      HUB_CERTS_DIR: path.join(PROJECT_ROOT, '.data', 'no-such-certs'),
      PLANNING_DATABASE_URL: freshDatabaseUrl('serve_no_certs'),
      PLANNING_PORT: '0',
    });
    expect(await exitOf(child, 20_000, output)).toBe(1);
    expect(output.stderr).toContain('npm run cswb -- certs');
    expect(output.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('exits 2 naming the known subgraphs when asked for an unknown one', async () => {
    const { child, output } = run(['serve-subgraph', 'nosuch'], {});
    expect(await exitOf(child, 20_000, output)).toBe(2);
    expect(output.stderr).toContain('nosuch');
    const known = discoverSubgraphs().map((s) => s.definition.name);
    expect(known.length).toBeGreaterThan(0);
    for (const name of known) expect(output.stderr).toContain(name);
  }, 30_000);
});
