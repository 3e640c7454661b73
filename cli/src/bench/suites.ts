import type { BenchSuite } from './BenchSuite';
import { boundarySuite } from './boundaryBench';
import { coldStartSuite } from './coldStartBench';
import { ingestionSuite } from './ingestionBench';
import { gatewaysSuite } from './gateways/gatewaysBench';
import { profilesSuite } from './profileBench';
import { sqlScalingSuite } from './sqlScalingBench';
import { operationLimitsSuite } from './operationLimitsBench';
import { privacyUtilitySuite } from './privacyBench';
import { webSuite } from './webBench';

/** Every suite of `cswb bench`, in the order they run and appear in docs/benchmarks.md (or the document a suite names). */
export const BENCH_SUITES: readonly BenchSuite[] = [
  gatewaysSuite,
  sqlScalingSuite,
  ingestionSuite,
  coldStartSuite,
  profilesSuite,
  boundarySuite,
  operationLimitsSuite,
  privacyUtilitySuite,
  webSuite,
];
