import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '@cswb/cli';

const LIMIT_HEAP_GROWTH = path.join(PROJECT_ROOT, 'gateway', 'dist', 'limitHeapGrowth.js');

/**
 * A process of its own that reads GATEWAY_HEAP_GROWING_PERCENT as the gateway does and applies
 * it, then makes the same allocations whatever the setting: ~100 MB held throughout, batches on
 * top that live long enough to reach the old generation. Reports the full (mark-compact)
 * collections V8 made.
 */
const CHILD = `
const { readGatewayConfig } = require('@cswb/contract/config');
require(${JSON.stringify(LIMIT_HEAP_GROWTH)}).limitHeapGrowth(readGatewayConfig(process.env, [], '/x').heapGrowingPercent);
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

async function collections(env: Record<string, string>): Promise<{ full: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', CHILD], { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 });
  return JSON.parse(stdout) as { full: number };
}

/**
 * What the gateway's setting saves under load is measured by `npm run bench` (docs/benchmarks.md,
 * "Memory"); this shows that the setting reaches V8 at runtime on this Node.js, which is how the
 * gateway applies it (gateway/src/limitHeapGrowth.ts): with a 10% margin the same allocations are
 * collected whole several times as often as with V8's own factor (0).
 */
describe('GATEWAY_HEAP_GROWING_PERCENT', () => {
  it('keeps the heap near its live data when set, and leaves it to V8 at 0', async () => {
    const [tight, leftToV8] = await Promise.all([collections({ GATEWAY_HEAP_GROWING_PERCENT: '10' }), collections({ GATEWAY_HEAP_GROWING_PERCENT: '0' })]);
    // Counts, not resident memory: how far V8's own factor lets the heap grow depends on how busy the machine is.
    expect(tight.full).toBeGreaterThanOrEqual(3 * Math.max(1, leftToV8.full));
  }, 90_000);
});
