/**
 * A bounded, seeded fuzz of the HTTP surface: malformed documents, GET parameters, bodies,
 * encodings, content types, methods and tokens, sent to a real gateway and straight to a real
 * subgraph as the gateway (client certificate and a valid assertion for that exact body, so the
 * subgraph's own parsing is what is tried). No answer may be a 5xx or show internals, every
 * refusal carries a code from the registry, and both still answer a normal query afterwards.
 */
import { randomUUID } from 'node:crypto';
import { ANONYMOUS } from '@cswb/contract/auth';
import { ErrorCode } from '@cswb/contract/errors';
import { ASSERTION_HEADER } from '@cswb/contract/trust';
import { gatewayAgent, gatewaySigner } from '@cswb/testing/trust';
import { FUZZ_CLASSES, FuzzClass, FuzzRequest, fuzzRequests, INTERNAL_TEXT } from '@cswb/testing/fuzz';
import { graphql } from '@cswb/testing/graphql';
import { RawAnswer, rawRequest } from '@cswb/testing/http';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { signToken } from '@cswb/testing/tokens';

const SEED = 20261205;
const GATEWAY_REQUESTS = 2_100;
const SUBGRAPH_REQUESTS = 1_400;
/** A subgraph takes no token (the gateway's assertion only): tokens are the gateway's class. */
const SUBGRAPH_CLASSES = FUZZ_CLASSES.filter((k) => k !== 'token');
const CONCURRENCY = 8;

/** Codes a refusal may carry: the hub's registry and graphql-js / Apollo's request-level codes. */
const KNOWN_CODES = new Set<string>([...Object.values(ErrorCode), 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('fuzz');
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

interface Outcome {
  request: FuzzRequest;
  answer?: RawAnswer;
  error?: string;
}

async function inPool<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]);
      }
    }),
  );
  return results;
}

/** What is wrong with an answer, or null. */
function flaw({ request, answer, error }: Outcome): string | null {
  if (!answer) return `no answer: ${error}`;
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  // The GraphQL IDE, for a GET that accepts HTML: its bundle is not an error message.
  if (answer.status === 200 && String(answer.headers['content-type']).startsWith('text/html')) return null;
  const internal = INTERNAL_TEXT.find((pattern) => pattern.test(answer.body));
  if (internal) return `internal text ${internal}`;
  // Every token the generator makes is malformed: only an empty header (anonymous) may pass.
  if (request.kind === 'token' && answer.status < 400 && (request.headers.authorization ?? '').trim() !== '') return 'a malformed token was accepted';
  // A bad request is the client's fault: never answered as the server's.
  if (answer.body.includes(ErrorCode.INTERNAL_SERVER_ERROR)) return 'INTERNAL_SERVER_ERROR for a bad request';
  if (answer.status >= 400 && request.method !== 'HEAD' && answer.status !== 404) {
    let codes: unknown[];
    try {
      codes = ((JSON.parse(answer.body) as { errors?: { extensions?: { code?: unknown } }[] }).errors ?? []).map((e) => e.extensions?.code);
    } catch {
      return `HTTP ${answer.status} with a body that is not JSON`;
    }
    if (codes.length === 0 || codes.some((code) => typeof code !== 'string' || !KNOWN_CODES.has(code))) return `HTTP ${answer.status} with codes ${JSON.stringify(codes)}`;
  }
  return null;
}

function describe_(outcome: Outcome): string {
  const { request, answer } = outcome;
  return `${flaw(outcome)} ← ${request.kind} ${request.method} ${request.search.slice(0, 80)} ${JSON.stringify(request.headers).slice(0, 120)} ${request.body?.subarray(0, 80).toString('utf8') ?? ''} → ${answer?.body.slice(0, 200)}`;
}

/** Requests per class, and per class the count of each status answered. */
function figures(outcomes: Outcome[]): string {
  const classes = new Map<FuzzClass, { sent: number; statuses: Record<string, number> }>(FUZZ_CLASSES.map((k) => [k, { sent: 0, statuses: {} }]));
  for (const { request, answer } of outcomes) {
    const entry = classes.get(request.kind)!;
    entry.sent += 1;
    const status = String(answer?.status ?? 'none');
    entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
  }
  const fivexx = outcomes.filter((o) => (o.answer?.status ?? 0) >= 500).length;
  return `${outcomes.length} requests, ${fivexx} 5xx\n${[...classes].filter(([, e]) => e.sent > 0).map(([k, e]) => `  ${k}: ${e.sent} ${JSON.stringify(e.statuses)}`).join('\n')}\n`;
}

describe('fuzzed bad requests', () => {
  it(`the gateway answers ${GATEWAY_REQUESTS} of them without a 5xx or internals, and still serves a normal query`, async () => {
    const requests = fuzzRequests(SEED, GATEWAY_REQUESTS, await signToken({ sub: 'fuzz' }));
    const base = stack.gateway.url;
    const outcomes = await inPool(requests, CONCURRENCY, async (request): Promise<Outcome> => {
      try {
        return { request, answer: await rawRequest(`${base}${request.search}`, request) };
      } catch (error) {
        return { request, error: (error as Error).message };
      }
    });
    const flawed = outcomes.filter((o) => flaw(o) !== null);
    process.stdout.write(`gateway fuzz: ${figures(outcomes)}`);
    expect(flawed.slice(0, 15).map(describe_)).toEqual([]);
    const after = await graphql(base, '{ areas(kind: MUNICIPALITY) { id } }');
    expect(after).toEqual({ status: 200, data: { areas: [{ id: 'lakeshore' }] } });
  }, 120_000);

  it(`a subgraph, called as the gateway, answers ${SUBGRAPH_REQUESTS} of them without a 5xx or internals, and still serves a normal query`, async () => {
    const police = stack.subgraphs.find((s) => s.name === 'police')!;
    const requests = fuzzRequests(SEED + 1, SUBGRAPH_REQUESTS, await signToken({ sub: 'fuzz' }), SUBGRAPH_CLASSES);
    const sign = gatewaySigner();
    const outcomes = await inPool(requests, CONCURRENCY, async (request): Promise<Outcome> => {
      const signed = request.method === 'POST' ? (request.body ?? Buffer.alloc(0)) : Buffer.from(request.search);
      const assertion = await sign('police', { caller: ANONYMOUS, requestId: randomUUID() }, signed);
      try {
        return { request, answer: await rawRequest(`${police.url}${request.search}`, { ...request, headers: { ...request.headers, [ASSERTION_HEADER]: assertion } }, { agent: gatewayAgent() }) };
      } catch (error) {
        return { request, error: (error as Error).message };
      }
    });
    const flawed = outcomes.filter((o) => flaw(o) !== null);
    process.stdout.write(`subgraph fuzz: ${figures(outcomes)}`);
    expect(flawed.slice(0, 15).map(describe_)).toEqual([]);
    const after = await graphql(police, '{ __typename }');
    expect(after).toEqual({ status: 200, data: { __typename: 'Query' } });
  }, 120_000);
});
