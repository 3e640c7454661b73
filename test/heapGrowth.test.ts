import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '@cswb/cli';

/** How each kind of process reads its setting (the gateway in `startGateway`, subgraphs in `startSubgraphs` and `cswb serve-subgraph`). */
const READERS = {
  GATEWAY_HEAP_GROWING_PERCENT: "require('@cswb/contract/config').readGatewayConfig(process.env, [], '/x').heapGrowingPercent",
  SUBGRAPHS_HEAP_GROWING_PERCENT: "require('@cswb/contract/config').readSubgraphsHeapGrowingPercent(process.env)",
};

/**
 * A process of its own that reads the setting as the gateway or a subgraphs process does and
 * applies it, then makes the same allocations whatever the setting: ~100 MB held throughout,
 * batches on top that live long enough to reach the old generation. Reports the full
 * (mark-compact) collections V8 made.
 */
const child = (read: string) => `
require('@cswb/contract/limits').limitHeapGrowth(${read});
const { PerformanceObserver, constants } = require('node:perf_hooks');
let full = 0;
new PerformanceObserver((list) => { for (const entry of list.getEntries()) if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) full++; }).observe({ entryTypes: ['gc'] });
const held = Array.from({ length: 40 }, () => Array.from({ length: 100000 }, (_, j) => ({ j })));
let recent = [];
for (let round = 0; round < 4000; round++) {
  recent.push(Array.from({ length: 1000 }, (_, i) => ({ i, pair: [i, round] })));
  if (recent.length > 400) recent = recent.slice(200);
}
setTimeout(() => process.stdout.write(JSON.stringify({ full, held: held.length })), 10);
`;

async function collections(variable: keyof typeof READERS, value: string): Promise<{ full: number }> {
  const env = { [variable]: value };
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', child(READERS[variable])], { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 });
  return JSON.parse(stdout) as { full: number };
}

/**
 * What the setting saves under load is measured by `npm run bench` (docs/benchmarks.md,
 * "Memory"); this shows that it reaches V8 at runtime on this Node.js, which is how the processes
 * apply it (`limitHeapGrowth`): with a 10% margin the same allocations are collected whole
 * several times as often as with V8's own factor (0).
 */
describe.each(Object.keys(READERS) as (keyof typeof READERS)[])('%s', (variable) => {
  it('keeps the heap near its live data when set, and leaves it to V8 at 0', async () => {
    const [tight, leftToV8] = await Promise.all([collections(variable, '10'), collections(variable, '0')]);
    // Counts, not resident memory: how far V8's own factor lets the heap grow depends on how busy the machine is.
    expect(tight.full).toBeGreaterThanOrEqual(3 * Math.max(1, leftToV8.full));
  }, 90_000);
});
