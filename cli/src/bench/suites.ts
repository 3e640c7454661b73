import type { BenchSuite } from './BenchSuite';
import { profilesSuite } from './profileBench';

/** Every suite of `cswb bench`, in the order they run and appear in docs/benchmarks.md. */
export const BENCH_SUITES: readonly BenchSuite[] = [
  // gateways suite
  // sql-scaling suite
  // ingestion suite
  // cold-start suite
  profilesSuite,
];
