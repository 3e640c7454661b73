import * as v8 from 'node:v8';

/**
 * Sets how far past what survived the last full garbage collection V8 lets this process's heap
 * grow before the next one (`--heap-growing-percent`; 0 gives V8 back its own factor, which lets a
 * busy heap reach up to four times its live size and keeps it). A gateway's or a subgraph's live
 * data is small beside what it allocates per request, so left to V8 its resident memory follows
 * the busiest minute it has seen; a fixed margin keeps it near what it holds, at no hard cap: the
 * largest answers still get the heap they need. Process-wide: in `START_LAYOUT=single` the
 * gateway's setting, applied last, is the process's. V8 reads the flag at every full collection,
 * so it takes effect when set at runtime (test/heapGrowth.test.ts shows it does on this Node.js).
 */
export function limitHeapGrowth(percent: number): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
