import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../projectRoot';
import { profileBench } from '../bench/profileBench';

const RESULTS_FILE = path.join(PROJECT_ROOT, 'docs', 'benchmarks.md');
const BEGIN = '<!-- bench:profiles:begin -->';
const END = '<!-- bench:profiles:end -->';

/** `cswb bench [--size small|city] [--seconds N] [--concurrency N] [--smoke] [--write]` */
export async function bench(args: { size: string; seconds: number; concurrency: number; smoke: boolean; write: boolean }): Promise<number> {
  if (args.size !== 'small' && args.size !== 'city') {
    process.stderr.write(`cswb bench: --size must be small or city, got "${args.size}"\n`);
    return 2;
  }
  if (!(args.seconds > 0) || !Number.isInteger(args.concurrency) || args.concurrency < 1) {
    process.stderr.write('cswb bench: --seconds must be > 0 and --concurrency a positive whole number\n');
    return 2;
  }
  const report = await profileBench({
    size: args.smoke ? 'small' : args.size,
    seconds: args.smoke ? 0.5 : args.seconds,
    concurrency: args.concurrency,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${report}\n`);
  if (args.write && !args.smoke) {
    const current = fs.existsSync(RESULTS_FILE) ? fs.readFileSync(RESULTS_FILE, 'utf8') : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
    const start = current.indexOf(BEGIN);
    const end = current.indexOf(END);
    if (start < 0 || end < start) {
      process.stderr.write(`cswb bench: ${RESULTS_FILE} has no ${BEGIN} … ${END} section\n`);
      return 1;
    }
    fs.writeFileSync(RESULTS_FILE, `${current.slice(0, start + BEGIN.length)}\n${report}${current.slice(end)}`);
    process.stderr.write(`Wrote ${path.relative(PROJECT_ROOT, RESULTS_FILE)}\n`);
  }
  return 0;
}
