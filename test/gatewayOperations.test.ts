import * as fs from 'node:fs';
import * as path from 'node:path';
import { createDataSource } from '@cswb/subgraph-kit/db';
import { serveSubgraph } from '@cswb/subgraph-kit/server';
import { testTrust } from '@cswb/testing/trust';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';
import { documentHash, persistedDocumentsJson, RateLimiter, useSubgraphResilience } from '@cswb/gateway';
import { analystHeaders } from '@cswb/testing/analyst';
import { graphql, GraphQLResponse } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken } from '@cswb/testing/tokens';

/** Small limits the documented queries still fit in (their largest: depth 6, 0 aliases, 204 tokens, cost 34,620). */
const ENV = {
  MAX_DEPTH: '8',
  MAX_ALIASES: '5',
  MAX_TOKENS: '400',
  MAX_COST: '40000',
  PERSISTED_DOCUMENTS: 'only-anonymous',
  RATE_LIMIT_PER_MINUTE: '40',
  CORS_ORIGINS: 'https://dashboard.example.org',
  POLICE_TIMEOUT_MS: '3000',
};
const QUERIES = path.join(PROJECT_ROOT, 'docs', 'queries');
const files = fs.readdirSync(QUERIES).filter((f) => f.endsWith('.graphql'));

let stack: TestStack;
let base: string;
let planner: Record<string, string>;

beforeAll(async () => {
  stack = await startTestStack('gwops', ENV);
  base = stack.gateway.url.replace(/\/graphql$/, '');
  planner = bearer(await signToken({ sub: 'ops-planner', scope: 'aggregates:read plans:write', purpose: 'planning' }));
});
afterAll(async () => {
  await stack?.stop();
});

async function byHash(document: string, headers: Record<string, string> = {}): Promise<GraphQLResponse<any>> {
  const response = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ documentId: documentHash(document) }),
  });
  return { ...((await response.json()) as object), status: response.status };
}

const codes = (response: GraphQLResponse) => (response.errors ?? []).map((e) => e.extensions?.code);

describe('operation limits', () => {
  it('refuses a query nested deeper than MAX_DEPTH with OPERATION_TOO_DEEP', async () => {
    const deep = '{ plans { strategies { outcomes { strategy { outcomes { strategy { outcomes { strategy { id } } } } } } } } }';
    const response = await graphql(stack.gateway.url, deep, undefined, planner);
    expect(codes(response)).toContain('OPERATION_TOO_DEEP');
    expect(response.data ?? null).toBeNull();
  });

  it('refuses more aliases than MAX_ALIASES with TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: indicatorCatalogue { id }`).join(' ');
    const response = await graphql(stack.gateway.url, `{ ${aliases} }`, undefined, planner);
    expect(codes(response)).toEqual(['TOO_MANY_ALIASES']);
  });

  it('refuses a document with more than MAX_TOKENS tokens with TOO_MANY_TOKENS', async () => {
    const fields = Array.from({ length: 250 }, () => 'id name').join(' ');
    const response = await graphql(stack.gateway.url, `{ indicatorCatalogue { ${fields} } }`, undefined, planner);
    expect(codes(response)).toEqual(['TOO_MANY_TOKENS']);
  });

  it('refuses an operation whose estimated cost exceeds MAX_COST with OPERATION_TOO_COSTLY', async () => {
    const costly = '{ plans { strategies { outcomes { measures { id } strategy { outcomes { measures { id } } } } } } }';
    const response = await graphql(stack.gateway.url, costly, undefined, planner);
    expect(codes(response)).toEqual(['OPERATION_TOO_COSTLY']);
    expect(response.errors?.[0].extensions).toMatchObject({ maxCost: 40000 });
  });
});

describe('persisted documents (PERSISTED_DOCUMENTS=only-anonymous)', () => {
  it('the committed manifest lists every documented query (regenerate: npm run compose)', () => {
    const committed = fs.readFileSync(path.join(PROJECT_ROOT, 'gateway', 'generated', 'persisted-documents.json'), 'utf8');
    expect(committed).toBe(persistedDocumentsJson(QUERIES));
  });

  it.each(files)('%s runs by its hash for an anonymous client, within the limits', async (file) => {
    const text = fs.readFileSync(path.join(QUERIES, file), 'utf8');
    const headers = text.startsWith('# Requires: planner token') ? planner : {};
    const response = await byHash(text, headers);
    expect(response.errors).toBeUndefined();
    expect(Object.values(response.data ?? {}).every((value) => value !== null)).toBe(true);
  });

  it('refuses an arbitrary operation from an anonymous client with PERSISTED_QUERY_ONLY', async () => {
    const response = await graphql(stack.gateway.url, '{ indicatorCatalogue { id } }');
    expect(codes(response)).toEqual(['PERSISTED_QUERY_ONLY']);
    expect(response.data ?? null).toBeNull();
  });

  it('refuses an unknown hash with PERSISTED_QUERY_NOT_FOUND', async () => {
    const response = await byHash('{ nothing }');
    expect(codes(response)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('runs an arbitrary operation from an authenticated planner', async () => {
    const response = await graphql(stack.gateway.url, '{ indicatorCatalogue { id } }', undefined, planner);
    expect(response.errors).toBeUndefined();
    expect(response.data.indicatorCatalogue.length).toBeGreaterThan(0);
  });
});

describe('CORS (CORS_ORIGINS)', () => {
  it('allows a configured dashboard origin and no other', async () => {
    const preflight = (origin: string) =>
      fetch(stack.gateway.url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
    const allowed = await preflight('https://dashboard.example.org');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dashboard.example.org');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });
});

describe('/metrics', () => {
  it('counts requests, errors and subgraph fetches in the Prometheus text format', async () => {
    const read = async () => {
      const response = await fetch(`${base}/metrics`);
      expect(response.status).toBe(200);
      return response.text();
    };
    const value = (text: string, series: string) => Number(text.split('\n').find((l) => l.startsWith(`${series} `))?.split(' ')[1] ?? 0);
    const before = await read();
    await graphql(stack.gateway.url, '{ indicatorCatalogue { id } }', undefined, planner);
    await graphql(stack.gateway.url, '{ indicatorCatalogue { id } }');
    const after = await read();
    expect(value(after, 'cswb_gateway_requests_total{status="200"}') - value(before, 'cswb_gateway_requests_total{status="200"}')).toBe(2);
    expect(value(after, 'cswb_gateway_errors_total{code="PERSISTED_QUERY_ONLY"}')).toBeGreaterThan(value(before, 'cswb_gateway_errors_total{code="PERSISTED_QUERY_ONLY"}'));
    expect(after).toMatch(/^cswb_gateway_request_duration_seconds_count \d+$/m);
    expect(after).toMatch(/^cswb_gateway_subgraph_fetches_total\{subgraph="[a-z-]+",outcome="ok"\} \d+$/m);
  });
});

describe('rate limiting (RATE_LIMIT_PER_MINUTE=40)', () => {
  it('refuses a client past the limit with HTTP 429 and RATE_LIMITED, and only that client', async () => {
    const greedy = bearer(await signToken({ sub: 'greedy-dashboard', scope: 'aggregates:read', purpose: 'public-reporting' }));
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await graphql(stack.gateway.url, '{ __typename }', undefined, greedy)).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const refused = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...greedy },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as GraphQLResponse).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    // Another client is unaffected.
    expect((await graphql(stack.gateway.url, '{ __typename }', undefined, planner)).status).toBe(200);
  });
});

// Last: it stops a subgraph and starts it again.
describe('a subgraph that goes down', () => {
  // Sector profiles are nullable fields of Area: a failed sector comes back null beside the others.
  const INDICATORS = 'indicators(from: "2024-01-01", to: "2024-12-31", granularity: YEAR) { indicator { id } }';
  const AREA = `query Area { area(id: "lakeshore-n003") { name health { ${INDICATORS} } education { ${INDICATORS} } police { ${INDICATORS} } } }`;

  it('gives partial results naming it, /readiness degraded with it down, and recovers when it comes back without a gateway restart', async () => {
    const analyst = await analystHeaders();
    const healthy = await graphql(stack.gateway.url, AREA, undefined, analyst);
    expect(healthy.errors).toBeUndefined();
    expect(healthy.data.area.police.indicators.length).toBeGreaterThan(0);

    const police = stack.subgraphs.find((s) => s.name === 'police')!;
    const url = (police.db.options as any).url as string;
    const port = police.port;
    await police.close();

    const partial = await graphql(stack.gateway.url, AREA, undefined, analyst);
    expect(partial.status).toBe(200);
    expect(partial.data.area.name).toBeTruthy();
    expect(partial.data.area.health.indicators.length).toBeGreaterThan(0);
    expect(partial.data.area.education.indicators.length).toBeGreaterThan(0);
    expect(partial.data.area.police).toBeNull();
    const failure = partial.errors?.find((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
    expect(failure?.extensions?.serviceName).toBe('police');
    expect(failure?.message).toContain('police');
    const degraded = await fetch(`${base}/readiness`);
    expect(degraded.status).toBe(200);
    expect(((await degraded.json()) as { status: string }).status).toBe('degraded');

    const definition = discoverSubgraphs().find((s) => s.definition.name === 'police')!.definition;
    const db = createDataSource(definition, { url });
    await db.initialize();
    const restarted = await serveSubgraph(definition, db, {
      port,
      host: '127.0.0.1',
      trust: testTrust(),
      gatewayUrl: () => stack.gateway.url,
    });
    stack.subgraphs.splice(stack.subgraphs.indexOf(police), 1, restarted);

    const ready = await fetch(`${base}/readiness`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { status: string }).status).toBe('ready');
    const recovered = await graphql(stack.gateway.url, AREA, undefined, analyst);
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data).toEqual(healthy.data);
  });
});

describe('per-subgraph timeout (SUBGRAPH_TIMEOUT_MS, <NAME>_TIMEOUT_MS)', () => {
  it('answers a fetch the subgraph does not answer in time with SUBGRAPH_UNAVAILABLE naming it, and aborts the fetch', async () => {
    const plugin = useSubgraphResilience({ timeoutMs: (name) => (name === 'police' ? 50 : 10_000) }) as any;
    let executor: any;
    let aborted = false;
    plugin.onSubgraphExecute({
      subgraphName: 'police',
      executor: (request: { signal: AbortSignal }) =>
        new Promise(() => request.signal.addEventListener('abort', () => (aborted = true))),
      setExecutor: (e: unknown) => (executor = e),
    });
    const begin = Date.now();
    const result = await executor({ document: {}, signal: new AbortController().signal });
    expect(Date.now() - begin).toBeLessThan(2000);
    expect(aborted).toBe(true);
    expect(result.data).toBeNull();
    expect(result.errors[0].message).toBe('Subgraph "police" is unavailable: no answer within 50 ms');
    expect(result.errors[0].extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'police', reason: 'timeout', timeoutMs: 50 });
  });

  it('rate limit windows are per client and reset after a minute', async () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    expect([await limiter.take('a', 2), await limiter.take('a', 2), await limiter.take('b', 2)]).toEqual([0, 0, 0]);
    expect(await limiter.take('a', 2)).toBe(60);
    now = 30_000;
    expect(await limiter.take('a', 2)).toBe(30);
    now = 60_000;
    expect(await limiter.take('a', 2)).toBe(0);
  });
});
