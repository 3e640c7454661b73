/** What one closed-loop load run measured; latencies in milliseconds, of successful requests only. */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export async function postGraphQL(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ ok: boolean; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  return { ok: response.ok && !body.errors, body };
}

/** Closed-loop load of one GraphQL request: `concurrency` clients, each sending the next when the last answered. */
export function runLoad(options: {
  url: string;
  query: string;
  variables?: () => Record<string, unknown>;
  headers?: Record<string, string>;
  concurrency: number;
  seconds: number;
}): Promise<LoadResult> {
  return runTaskLoad({
    task: async () => (await postGraphQL(options.url, options.query, options.variables?.(), options.headers)).ok,
    concurrency: options.concurrency,
    seconds: options.seconds,
  });
}

/**
 * Closed-loop load of any unit of work (e.g. several HTTP requests in a row): `concurrency`
 * clients each starting the next task when the last finished; a task resolving false, or
 * throwing, counts as an error and its latency is not recorded.
 */
export async function runTaskLoad(options: { task: () => Promise<boolean>; concurrency: number; seconds: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        if (await options.task()) latencies.push(performance.now() - t0);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
  };
}
