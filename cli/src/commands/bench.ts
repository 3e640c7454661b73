import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmbeddedPostgres } from '@cswb/subgraph-kit/db';
import { PROJECT_ROOT } from '../projectRoot';
import type { BenchOptions } from '../bench/BenchSuite';
import { BENCH_SUITES } from '../bench/suites';

const RESULTS_DIR = path.join(PROJECT_ROOT, 'docs');
const RESULTS_FILE = 'benchmarks.md';

export interface BenchArgs {
  size: string;
  seconds: number;
  concurrency: number;
  repeats: number;
  only?: string;
  smoke: boolean;
  write: boolean;
}

function fail(message: string): number {
  process.stderr.write(`cswb bench: ${message}\n`);
  return 2;
}

/** Replaces a suite's section between its markers, or appends one when the file has none. */
export function recordSection(document: string, id: string, markdown: string): string {
  const begin = `<!-- bench:${id}:begin -->`;
  const end = `<!-- bench:${id}:end -->`;
  const start = document.indexOf(begin);
  const stop = document.indexOf(end);
  if (start < 0 || stop < start) return `${document.trimEnd()}\n\n${begin}\n${markdown}\n${end}\n`;
  return `${document.slice(0, start + begin.length)}\n${markdown}\n${document.slice(stop)}`;
}

/** `cswb bench [--only a,b] [--size small|city] [--seconds N] [--concurrency N] [--repeats N] [--smoke] [--write]` */
export async function bench(args: BenchArgs): Promise<number> {
  if (args.size !== 'small' && args.size !== 'city') return fail(`--size must be small or city, got "${args.size}"`);
  if (!(args.seconds > 0)) return fail(`--seconds must be a number above 0, got "${args.seconds}"`);
  if (!Number.isInteger(args.concurrency) || args.concurrency < 1) return fail(`--concurrency must be a positive whole number, got "${args.concurrency}"`);
  if (!Number.isInteger(args.repeats) || args.repeats < 1) return fail(`--repeats must be a positive whole number, got "${args.repeats}"`);
  const known = BENCH_SUITES.map((s) => s.id);
  const wanted = args.only ? args.only.split(',').map((id) => id.trim()).filter(Boolean) : known;
  const unknown = wanted.filter((id) => !known.includes(id));
  if (unknown.length > 0) return fail(`unknown suite ${unknown.map((id) => `"${id}"`).join(', ')}; suites: ${known.join(', ')}`);

  const options: BenchOptions = {
    size: args.smoke ? 'small' : args.size,
    seconds: args.smoke ? 0.5 : args.seconds,
    concurrency: args.concurrency,
    repeats: args.smoke ? 1 : args.repeats,
    smoke: args.smoke,
    log: (line) => process.stderr.write(`${line}\n`),
  };
  // Suites stop what they start in `finally`; an interrupt skips that: stop the databases here
  // (child processes get the terminal's signal themselves).
  const interrupted = (signal: NodeJS.Signals) => {
    options.log(`bench: ${signal}: stopping`);
    void EmbeddedPostgres.stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const written = new Set<string>();
  for (const suite of BENCH_SUITES.filter((s) => wanted.includes(s.id))) {
    options.log(`bench: ${suite.id}: ${suite.title}`);
    const started = performance.now();
    const markdown = await suite.run(options);
    options.log(`bench: ${suite.id} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    process.stdout.write(`${markdown}\n`);
    // Written after each suite: a later suite failing keeps what was measured. Read just before,
    // so that only the suite's own section changes.
    if (args.write && !args.smoke) {
      const file = path.join(RESULTS_DIR, suite.document ?? RESULTS_FILE);
      const document = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
      fs.writeFileSync(file, recordSection(document, suite.id, markdown));
      written.add(path.relative(PROJECT_ROOT, file));
    }
  }
  if (written.size > 0) process.stderr.write(`Wrote ${[...written].join(', ')}\n`);
  return 0;
}
