import { LoadResult, percentile } from '../measure';

/** The part of autocannon 8's programmatic API used here (the package ships no types). */
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  /** Each request built afresh: here, its body. */
  requests?: { setupRequest: (request: { body?: string }) => { body?: string } }[];
  verifyBody?: (body: string) => boolean;
  setupClient?: (client: { on(event: 'response', listener: (status: number, bytes: number, ms: number) => void): void }) => void;
}
interface AutocannonResult {
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  duration: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;

export interface HttpLoadResult extends LoadResult {
  /** Responses other than 2xx. */
  non2xx: number;
  /** 2xx responses whose body has a GraphQL `errors` entry. */
  graphqlErrors: number;
  /** Connection errors and timeouts. */
  socketErrors: number;
}

/** A response carrying GraphQL errors (a partial or failed result): not a served request. */
export function hasGraphQLErrors(body: string): boolean {
  return body.includes('"errors":[');
}

/**
 * `connections` keep-alive connections POSTing the same GraphQL request for `seconds` (autocannon,
 * one request in flight per connection). Latencies are taken per response from autocannon's
 * clients (sub-millisecond, unlike its own histogram); requests and percentiles count 2xx
 * responses without GraphQL errors only.
 */
export async function runAutocannon(options: {
  url: string;
  /** The request body; a function gives each request its own (e.g. the next area's variables). */
  body: string | (() => string);
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<HttpLoadResult> {
  const latencies: number[] = [];
  const started = performance.now();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
    body: typeof options.body === 'string' ? options.body : options.body(),
    ...(typeof options.body === 'function' ? { requests: [{ setupRequest: (request) => ({ ...request, body: (options.body as () => string)() }) }] } : {}),
    verifyBody: (body) => !hasGraphQLErrors(body),
    setupClient: (client) =>
      client.on('response', (status, _bytes, ms) => {
        if (status >= 200 && status < 300) latencies.push(ms);
      }),
  });
  const seconds = (performance.now() - started) / 1000;
  const requests = result['2xx'] - result.mismatches;
  const sorted = latencies.sort((a, b) => a - b);
  const errors = result.non2xx + result.mismatches + result.errors + result.timeouts;
  return {
    requests,
    errors,
    seconds,
    perSecond: requests / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    non2xx: result.non2xx,
    graphqlErrors: result.mismatches,
    socketErrors: result.errors + result.timeouts,
  };
}
