import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { envPrefix } from '@cswb/contract/config';
import { discoverSubgraphs } from '../discoverSubgraphs';
import { PROJECT_ROOT } from '../projectRoot';
import type { BenchOptions, BenchSuite } from './BenchSuite';
import { freePort } from '@cswb/contract/http';
import { describeMachine } from './machine';
import { formatRatio, formatSpread, spreadOf } from './repeatedRuns';

const MAIN = path.join(PROJECT_ROOT, 'cli', 'dist', 'main.js');

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Processes whose command line names the data directory (the embedded PostgreSQL's), by pid. */
function processesUsing(dataDir: string): number[] {
  const result = spawnSync('pgrep', ['-f', dataDir], { encoding: 'utf8' });
  return (result.stdout ?? '')
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0 && pid !== process.pid);
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

interface StartRun {
  /** Spawn to the first 200 from /readiness. */
  seconds: number;
  /** SIGTERM to exit. */
  stopSeconds: number;
  /** PostgreSQL processes of the data directory still there after the command exited. */
  leftover: number;
  /** Seconds from spawn to the command's progress lines: PostgreSQL starting, the last seed written. */
  postgresAt?: number;
  seededAt?: number;
}

/**
 * `node cli/dist/main.js start` (what `npm start` runs after its build) on free loopback ports,
 * timed until `/readiness` answers 200, then stopped with SIGTERM as a person's Ctrl-C would.
 */
async function timeStart(dataDir: string, options: { seedSize: string; timeoutMs: number; log: (line: string) => void }): Promise<StartRun> {
  const gatewayPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CSWB_DATA_DIR: dataDir,
    SEED_SIZE: options.seedSize,
    PORT: String(gatewayPort),
    EMBEDDED_POSTGRES_PORT: '0',
    JWT_DEV_SECRET: randomBytes(32).toString('hex'),
    NODE_ENV: process.env.NODE_ENV ?? 'production',
  };
  delete env.DATABASE_URL;
  for (const { definition } of discoverSubgraphs()) {
    env[`${envPrefix(definition.name)}_PORT`] = String(await freePort());
    delete env[`${envPrefix(definition.name)}_DATABASE_URL`];
  }
  const readiness = `http://127.0.0.1:${gatewayPort}/readiness`;
  const started = performance.now();
  // Its own process group: whatever it starts can be killed with it if it does not stop.
  const child = spawn(process.execPath, [MAIN, 'start'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  let postgresAt: number | undefined;
  let seededAt: number | undefined;
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    const at = (performance.now() - started) / 1000;
    if (postgresAt === undefined && /Starting embedded PostgreSQL/.test(text)) postgresAt = at;
    // A line of text on a terminal, a JSON log line's message on a pipe.
    if (/(^|"msg":")Seeded /m.test(text)) seededAt = at;
    output = (output + text).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let seconds = NaN;
  let stopSeconds = 0;
  try {
    const deadline = started + options.timeoutMs;
    while (performance.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`cswb start exited with code ${child.exitCode} before it was ready:\n${output}`);
      try {
        const response = await fetch(readiness, { signal: AbortSignal.timeout(2000) });
        await response.arrayBuffer();
        if (response.status === 200) {
          seconds = (performance.now() - started) / 1000;
          break;
        }
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
    if (Number.isNaN(seconds)) throw new Error(`cswb start was not ready within ${options.timeoutMs / 1000} s:\n${output}`);
  } finally {
    const stopping = performance.now();
    child.kill('SIGTERM');
    if (!(await exited(child, 20_000))) {
      options.log(`cold-start: no exit 20 s after SIGTERM: killing process group ${child.pid}`);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited(child, 5_000);
    }
    stopSeconds = (performance.now() - stopping) / 1000;
  }
  // The command stops its PostgreSQL on SIGTERM; anything left is reported, then stopped.
  let leftover = processesUsing(dataDir);
  for (let i = 0; i < 20 && leftover.length; i++) {
    await sleep(250);
    leftover = processesUsing(dataDir);
  }
  if (leftover.length) {
    options.log(`cold-start: PostgreSQL left running in ${dataDir} (pids ${leftover.join(', ')}): stopping it`);
    for (const pid of leftover) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // gone
      }
    }
  }
  return { seconds, stopSeconds, leftover: leftover.length, postgresAt, seededAt };
}

function timeCommand(command: string, args: string[]): { seconds: number; ok: boolean } {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: 'ignore', timeout: 300_000 });
  return { seconds: (performance.now() - started) / 1000, ok: result.status === 0 };
}

/** Cold start of `npm start` (empty data directory) and warm start (same directory again) until /readiness is 200. */
export async function coldStartBench(options: BenchOptions): Promise<string> {
  const { log } = options;
  const timeoutMs = options.smoke ? 60_000 : 180_000;
  // Smoke mode proves the suite runs: one cold start, not seeded (initdb and migrations only), to stay short.
  const seedSize = options.smoke ? 'none' : 'small';
  const cold: StartRun[] = [];
  const warm: StartRun[] = [];
  const nodeOnly: number[] = [];
  const temps: string[] = [];
  let build: { seconds: number; ok: boolean } | undefined;
  try {
    if (!options.smoke) {
      // Not part of the measured start: `npm start` builds first (tsc -b, incremental).
      build = timeCommand('npm', ['run', 'build', '--silent']);
      log(`cold-start: npm run build ${build.ok ? '' : '(failed) '}${build.seconds.toFixed(1)} s`);
    }
    for (let run = 0; run < options.repeats; run++) {
      nodeOnly.push(timeCommand(process.execPath, ['-e', '']).seconds);
      const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-bench-start-'));
      temps.push(temp);
      const dataDir = path.join(temp, 'data');
      const first = await timeStart(dataDir, { seedSize, timeoutMs, log });
      log(`cold-start: run ${run + 1}/${options.repeats}: cold ${first.seconds.toFixed(1)} s (stop ${first.stopSeconds.toFixed(1)} s)`);
      cold.push(first);
      if (options.smoke) continue; // one start proves the suite runs
      const second = await timeStart(dataDir, { seedSize, timeoutMs, log });
      log(`cold-start: run ${run + 1}/${options.repeats}: warm ${second.seconds.toFixed(1)} s (stop ${second.stopSeconds.toFixed(1)} s)`);
      warm.push(second);
      fs.rmSync(temp, { recursive: true, force: true });
    }
  } finally {
    for (const temp of temps) {
      const left = processesUsing(temp);
      for (const pid of left) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
      fs.rmSync(temp, { recursive: true, force: true });
    }
  }

  const warmMedian = warm.length ? spreadOf(warm.map((r) => r.seconds)).median : NaN;
  const row = (label: string, seconds: number[], extra = '') =>
    `| ${label} | ${formatSpread(spreadOf(seconds), 2)} | ${formatRatio(spreadOf(seconds).median, warmMedian)} | ${extra} |`;
  const median = (values: (number | undefined)[]) => {
    const known = values.filter((v): v is number => v !== undefined);
    return known.length ? formatSpread(spreadOf(known), 1) : 'n/a';
  };
  const phases = (runs: StartRun[]) =>
    `PostgreSQL starting at ${median(runs.map((r) => r.postgresAt))} s${runs.some((r) => r.seededAt !== undefined) ? `, last subgraph seeded at ${median(runs.map((r) => r.seededAt))} s` : ''}; `;
  const stops = (runs: StartRun[]) => `stop after SIGTERM ${formatSpread(spreadOf(runs.map((r) => r.stopSeconds)), 2)} s; PostgreSQL left: ${runs.reduce((n, r) => n + r.leftover, 0)}`;
  const coldMedian = spreadOf(cold.map((r) => r.seconds)).median;
  const cores = os.cpus().length;
  return [
    '### Cold start of `npm start` until `/readiness` is 200',
    '',
    `Machine: ${describeMachine()}. \`node cli/dist/main.js start\` (what \`npm start\` runs after its build step, which is not included) as a child process on free loopback ports, \`SEED_SIZE=small\`, polled every 50 ms on the gateway's \`/readiness\` (200 only when every subgraph answers), then stopped with SIGTERM. Cold: a new empty \`CSWB_DATA_DIR\` (initdb, create databases, migrate, seed, listen); warm: the same directory again (migrations and seed already done). ${options.repeats} run(s) of each: medians, (min–max). Baseline: the warm start (what every start after the first costs); \`node -e ''\` is the floor of any Node process start on this machine.${build ? ` \`npm run build\` (incremental, measured once, not in the figures): ${build.seconds.toFixed(1)} s${build.ok ? '' : ' (failed)'}.` : ''}`,
    '',
    '| scenario | seconds to ready | vs warm start | notes |',
    '| --- | --- | --- | --- |',
    warm.length ? row('baseline: warm start (data directory ready)', warm.map((r) => r.seconds), phases(warm) + stops(warm)) : '| baseline: warm start | not run in smoke mode | | |',
    row('cold start (empty data directory)', cold.map((r) => r.seconds), phases(cold) + stops(cold)),
    row("`node -e ''` (process start only)", nodeOnly),
    '',
    `Target "cold start at most 20 s on 2 cores"${options.smoke ? ' (smoke: not seeded, not assessed)' : ''}: ${coldMedian <= 20 ? 'holds' : 'misses'} (${coldMedian.toFixed(1)} s on ${cores} core${cores === 1 ? '' : 's'}${cores === 2 ? '' : '; not the target machine'}).`,
    '',
  ].join('\n');
}

export const coldStartSuite: BenchSuite = {
  id: 'cold-start',
  title: 'cold start of `npm start` (empty and ready data directory) until /readiness is 200',
  run: coldStartBench,
};
