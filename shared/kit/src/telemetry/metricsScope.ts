import { AsyncLocalStorage } from 'node:async_hooks';
import type { DisclosureOutcome, SubgraphMetrics, SubgraphRequestOutcome } from './SubgraphMetrics';

/**
 * The metrics of the subgraph serving the current request. Disclosure control, the audit write
 * and SQL run deep below the request with no handle on its subgraph (several can share a process):
 * they count through this scope, and count nothing outside one (CLI, tests of pure functions).
 */
interface MetricsScope {
  metrics: SubgraphMetrics;
  outcome?: SubgraphRequestOutcome;
}

const scopes = new AsyncLocalStorage<MetricsScope>();

/** Runs one request in `metrics`' scope, then counts it with the outcome the server recorded (`recordOutcome`). */
export async function runInMetricsScope<T>(metrics: SubgraphMetrics, run: () => Promise<T>): Promise<T> {
  const scope: MetricsScope = { metrics };
  const begin = performance.now();
  try {
    return await scopes.run(scope, run);
  } finally {
    metrics.requests.inc({ outcome: scope.outcome ?? 'error' });
    metrics.requestDuration.observe((performance.now() - begin) / 1000);
  }
}

/** Runs work that is not a GraphQL request (a confirmation of a kept answer) in `metrics`' scope: its SQL and audit writes are counted, not a request. */
export function runInMetricsScopeUncounted<T>(metrics: SubgraphMetrics, run: () => Promise<T>): Promise<T> {
  return scopes.run({ metrics }, run);
}

export function currentMetrics(): SubgraphMetrics | undefined {
  return scopes.getStore()?.metrics;
}

export function recordOutcome(outcome: SubgraphRequestOutcome): void {
  const scope = scopes.getStore();
  if (scope) scope.outcome = outcome;
}

export function recordDisclosure(outcome: DisclosureOutcome, values: number): void {
  if (values > 0) scopes.getStore()?.metrics.disclosureControlled.inc({ outcome }, values);
}

/** A failed write withholds the response: the request ends in error whatever it resolved. */
export function recordAuditWrite(outcome: 'written' | 'failed'): void {
  const scope = scopes.getStore();
  scope?.metrics.auditWrites.inc({ outcome });
  if (scope && outcome === 'failed') scope.outcome = 'error';
}
