import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { databaseUrlFor, readSeed } from '@cswb/contract/config';
import { seedAreaRegistry } from '@cswb/subgraph-kit/areas';
import { EmbeddedPostgres } from '@cswb/subgraph-kit/db';
import { prepareDatabase, SubgraphDefinition } from '@cswb/subgraph-kit/server';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import type { DataSource } from 'typeorm';
import { importFile } from '../commands/import';
import { discoverSubgraphs } from '../discoverSubgraphs';
import { PROJECT_ROOT } from '../projectRoot';
import type { BenchOptions, BenchSuite } from './BenchSuite';
import { copyFromFile } from './copyFromFile';
import { describeMachine } from './machine';
import { formatRatio, formatSpread, spreadOf } from './repeatedRuns';
import { serverCpuSeconds } from './serverCpu';

const COLUMNS = ['occurrence_number', 'agency_id', 'occurred_on', 'area_id', 'category', 'premises_type', 'cleared'];
const CATEGORIES = ['VIOLENT', 'PROPERTY', 'OTHER_CRIMINAL_CODE', 'DRUGS', 'TRAFFIC'];
const PREMISES = ['RESIDENCE', 'COMMERCIAL', 'OUTSIDE', 'TRANSIT', 'EDUCATIONAL', 'OTHER'];

/** `rows` valid police occurrences over the areas and years of the seeded city, the same every time. */
export function occurrencesCsv(rows: number, areaIds: readonly string[], years: readonly number[]): string {
  let state = 0x2545f491;
  const next = () => {
    // xorshift32: deterministic and fast; the file only needs to look like a real export.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const lines = [COLUMNS.join(',')];
  for (let i = 1; i <= rows; i++) {
    const day = new Date(Date.UTC(pick(years), 0, 1 + Math.floor(next() * 365))).toISOString().slice(0, 10);
    lines.push(`BENCH-${String(i).padStart(8, '0')},lakeshore-police,${day},${pick(areaIds)},${pick(CATEGORIES)},${pick(PREMISES)},${next() < 0.3}`);
  }
  return `${lines.join('\n')}\n`;
}

interface Captured<T> {
  value: T;
  /** Lines written to stdout and stderr, with the milliseconds since the call began. */
  lines: { at: number; text: string }[];
}

/** Runs `fn` with stdout and stderr captured: the command's report and progress stay out of the bench's Markdown. */
async function captureOutput<T>(fn: () => Promise<T>): Promise<Captured<T>> {
  const lines: { at: number; text: string }[] = [];
  const started = performance.now();
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const capture = (chunk: unknown) => {
    for (const text of String(chunk).split(/[\r\n]+/)) if (text.trim()) lines.push({ at: performance.now() - started, text });
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  try {
    return { value: await fn(), lines };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** `cswb import` in this process, against the given server (the command reads DATABASE_URL). */
async function importInProcess(file: string, serverUrl: string): Promise<{ seconds: number; lines: { at: number; text: string }[] }> {
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = serverUrl;
  try {
    const started = performance.now();
    const { value: code, lines } = await captureOutput(() => importFile({ sector: 'police', dataset: 'occurrences', file, skipInvalid: false }));
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`cswb import exited ${code}:\n${lines.map((l) => l.text).join('\n')}`);
    return { seconds, lines };
  } finally {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
}

/** `node cli/dist/main.js import …` as a child process: what a person running the command waits for. */
function importSpawned(file: string, serverUrl: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: serverUrl };
    delete env.POLICE_DATABASE_URL;
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'cli', 'dist', 'main.js'), 'import', 'police', 'occurrences', file], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve((performance.now() - started) / 1000);
      else reject(new Error(`cswb import (spawned) ended with ${signal ?? `exit code ${code}`}:\n${output.slice(-2000)}`));
    });
  });
}

/** Milliseconds from the start of the import to the first progress line matching `pattern`. */
function timeOf(lines: { at: number; text: string }[], pattern: RegExp): number | undefined {
  return lines.find((l) => pattern.test(l.text))?.at;
}

interface Phases {
  readValidate: number;
  openStage: number;
  merge: number;
  refresh: number;
}

/** Where an in-process import spent its time, from the timestamps of its progress lines. */
function phasesOf(run: { seconds: number; lines: { at: number; text: string }[] }): Phases | undefined {
  const validated = timeOf(run.lines, /: validated /);
  const merging = timeOf(run.lines, /: merging /);
  if (validated === undefined || merging === undefined) return undefined;
  const end = run.seconds * 1000;
  const refreshing = timeOf(run.lines, /: refreshing /) ?? end;
  return { readValidate: validated / 1000, openStage: (merging - validated) / 1000, merge: (refreshing - merging) / 1000, refresh: (end - refreshing) / 1000 };
}

/**
 * Rows per second of `cswb import police occurrences <file>` against a raw `COPY … FROM STDIN` of
 * the same file into the same table, on a PostgreSQL of the suite's own.
 */
export async function ingestionBench(options: BenchOptions): Promise<string> {
  const { log } = options;
  const rows = options.smoke ? 5_000 : 200_000;
  const city = createSyntheticCity(options.size, readSeed(process.env));
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-bench-ingestion-'));
  const file = path.join(temp, 'occurrences.csv');
  const police = discoverSubgraphs().find((s) => s.definition.name === 'police');
  if (!police) throw new Error('ingestion: no police subgraph');
  const postgres = new EmbeddedPostgres({ dataDir: path.join(temp, 'postgres'), port: 0 });
  let db: DataSource | undefined;
  try {
    fs.writeFileSync(file, occurrencesCsv(rows, city.neighbourhoods.map((n) => n.id), city.years), { mode: 0o644 });
    const megabytes = fs.statSync(file).size / 2 ** 20;
    log(`ingestion: ${rows} occurrences in ${file} (${megabytes.toFixed(1)} MiB)`);
    const serverUrl = await postgres.start();
    db = (await prepareDatabase(police.definition as SubgraphDefinition<unknown>, { url: databaseUrlFor('police', { DATABASE_URL: serverUrl }), connectAs: 'owner' })).db;
    // The import refuses an area_id its area registry lacks: the registry holds the file's city.
    await seedAreaRegistry(db, city);
    // ... and a police service its agency registry lacks.
    await db.query(`INSERT INTO police_agency (id, name) VALUES ('lakeshore-police', 'Lakeshore Police Service')`);
    const database = db;
    const empty = async () => {
      // Every run starts from an empty table and a clean checkpoint, so runs do not pay for each other's writes.
      await database.query('TRUNCATE police_occurrence');
      await database.query('CHECKPOINT');
    };
    const count = async () => Number((await database.query('SELECT count(*)::int AS n FROM police_occurrence'))[0].n);
    const copySql = `COPY police_occurrence (${COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER true)`;
    const timeoutMs = options.smoke ? 60_000 : 600_000;

    const dataDir = path.join(temp, 'postgres');
    /** CPU seconds of this process and of the PostgreSQL server while `run` runs: what a loaded machine does not inflate. */
    const cpuOf = async <T>(run: () => Promise<T>): Promise<{ value: T; cpu: number }> => {
      const server = await serverCpuSeconds(dataDir);
      const node = process.cpuUsage();
      const value = await run();
      const { user, system } = process.cpuUsage(node);
      return { value, cpu: (user + system) / 1e6 + (await serverCpuSeconds(dataDir)) - server };
    };
    const copy: number[] = [];
    const inProcess: number[] = [];
    const reimport: number[] = [];
    const cpu = { copy: [] as number[], inProcess: [] as number[], reimport: [] as number[] };
    const spawned: number[] = [];
    const phases: Phases[] = [];
    // One unrecorded round first (not in smoke mode): the import code loaded, the table's files and the caches warm.
    for (let run = options.smoke ? 0 : -1; run < options.repeats; run++) {
      const record = run >= 0;
      await empty();
      const {
        value: { copied, copySeconds },
        cpu: copyCpu,
      } = await cpuOf(async () => {
        const t0 = performance.now();
        const copied = await copyFromFile(database, copySql, file);
        return { copied, copySeconds: (performance.now() - t0) / 1000 };
      });
      if (copied !== rows || (await count()) !== rows) throw new Error(`ingestion: COPY wrote ${copied} rows, expected ${rows}`);

      await empty();
      const { value: imported, cpu: importCpu } = await cpuOf(() => importInProcess(file, serverUrl));
      if ((await count()) !== rows) throw new Error('ingestion: the in-process import did not write every row');
      const { value: again, cpu: againCpu } = await cpuOf(() => importInProcess(file, serverUrl));
      if (!again.lines.some((l) => /unchanged/i.test(l.text))) log(`ingestion: re-import report: ${again.lines.at(-1)?.text}`);

      // Smoke mode skips the child process (several seconds of module loading on a busy machine).
      let spawnedSeconds = NaN;
      if (!options.smoke) {
        await empty();
        spawnedSeconds = await importSpawned(file, serverUrl, timeoutMs);
        if ((await count()) !== rows) throw new Error('ingestion: the spawned import did not write every row');
      }
      log(
        `ingestion: ${record ? `run ${run + 1}/${options.repeats}` : 'warm-up'}: COPY ${copySeconds.toFixed(2)} s (${copyCpu.toFixed(2)} s CPU), import ${imported.seconds.toFixed(2)} s (${importCpu.toFixed(2)} s CPU), re-import ${again.seconds.toFixed(2)} s (${againCpu.toFixed(2)} s CPU), spawned import ${spawnedSeconds.toFixed(2)} s`,
      );
      if (!record) continue;
      copy.push(copySeconds);
      inProcess.push(imported.seconds);
      reimport.push(again.seconds);
      cpu.copy.push(copyCpu);
      cpu.inProcess.push(importCpu);
      cpu.reimport.push(againCpu);
      if (!Number.isNaN(spawnedSeconds)) spawned.push(spawnedSeconds);
      const p = phasesOf(imported);
      if (p) phases.push(p);
    }

    const copyRate = spreadOf(copy.map((s) => rows / s));
    const copyCpuRate = spreadOf(cpu.copy.map((s) => rows / s));
    const line = (label: string, seconds: number[], cpuSeconds?: number[]) => {
      const rate = spreadOf(seconds.map((s) => rows / s));
      const cpuCells = cpuSeconds?.every(Number.isFinite)
        ? `${formatSpread(spreadOf(cpuSeconds), 2)} | ${formatRatio(spreadOf(cpuSeconds.map((s) => rows / s)).median, copyCpuRate.median)}`
        : ' | ';
      return `| ${label} | ${formatSpread(spreadOf(seconds), 2)} | ${formatSpread(rate, 0)} | ${formatRatio(rate.median, copyRate.median)} | ${cpuCells} |`;
    };
    const cpuRatio = spreadOf(cpu.inProcess.map((s) => rows / s)).median / copyCpuRate.median;
    const ratio = spreadOf(inProcess.map((s) => rows / s)).median / copyRate.median;
    const spawnedRatio = spawned.length ? spreadOf(spawned.map((s) => rows / s)).median / copyRate.median : NaN;
    const phase = (label: string, pick: (p: Phases) => number) =>
      phases.length ? `| ${label} | ${formatSpread(spreadOf(phases.map(pick)), 2)} | ${formatRatio(spreadOf(phases.map(pick)).median, spreadOf(copy).median)} |` : '';
    return [
      `### Ingestion: \`cswb import police occurrences\` against raw COPY (${rows.toLocaleString('en-CA')} rows, ${megabytes.toFixed(1)} MiB CSV)`,
      '',
      `Machine: ${describeMachine()}. A fresh embedded PostgreSQL for the suite (temporary data directory, deleted after), the police database migrated; every run starts from an emptied \`police_occurrence\` (TRUNCATE, CHECKPOINT). ${options.smoke ? 'No' : 'One unrecorded'} warm-up round, then ${options.repeats} run(s): medians, (min–max). Baseline: \`${copySql}\` streaming the same file from this process over loopback (pg-copy-streams, as the import). "In process" calls the command's own function (\`importFile\`: read, then validate and COPY slice by slice in one transaction (into the empty table directly; into a table holding rows through a temporary stage merged at the end), refresh rollups, report), no process start; "spawned" is \`node cli/dist/main.js import …\` until it exits, process start and module loading included. The re-import is the same file again into the full table: staged, merged, nothing changes.`,
      '',
      '| scenario | seconds | rows/s | rows/s vs raw COPY | CPU seconds (this process + PostgreSQL) | rows per CPU second vs raw COPY |',
      '| --- | --- | --- | --- | --- | --- |',
      line('baseline: raw COPY FROM STDIN', copy, cpu.copy),
      line('cswb import, in process', inProcess, cpu.inProcess),
      spawned.length ? line('cswb import, spawned (process start included)', spawned) : '| cswb import, spawned (process start included) | not run in smoke mode | | | | |',
      line('cswb import again, same file (nothing changes)', reimport, cpu.reimport),
      '',
      'CPU seconds: this process (`process.cpuUsage`) plus every process of the PostgreSQL server (backends, WAL writer, checkpointer, autovacuum; from /proc), while the scenario runs. On a machine shared with other work, wall time stretches with the load; CPU seconds much less.',
      '',
      ...(phases.length
        ? [
            'Where the in-process import spends its time (from its progress lines):',
            '',
            '| phase | seconds | vs raw COPY seconds |',
            '| --- | --- | --- |',
            phase('read file, parse CSV, open database; validate each slice of rows and stream it by COPY into the table while the next is validated', (p) => p.readValidate),
            phase('after the last slice, until the COPY is told to end (rejects file, if any)', (p) => p.openStage),
            phase('end of the COPY (into the empty table: no merge)', (p) => p.merge),
            phase('ANALYZE, refresh the police rollups, commit', (p) => p.refresh),
            '',
          ]
        : []),
      `Target "ingestion at least 0.8× raw COPY" (in process, issue 17): ${ratio >= 0.8 ? 'holds' : 'misses'} (${ratio.toFixed(2)}×${spawned.length ? `; spawned ${spawnedRatio.toFixed(2)}×` : ''}${Number.isFinite(cpuRatio) ? `; per CPU second ${cpuRatio.toFixed(2)}×` : ''}).`,
      '',
    ].join('\n');
  } finally {
    if (db?.isInitialized) await db.destroy().catch(() => undefined);
    await postgres.stop().catch((error) => log(`ingestion: stopping PostgreSQL: ${(error as Error).message}`));
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

export const ingestionSuite: BenchSuite = {
  id: 'ingestion',
  title: 'rows/s of `cswb import police occurrences` against a raw PostgreSQL COPY of the same file',
  run: ingestionBench,
};
