/**
 * Bad HTTP requests at the gateway and at a subgraph (called as the gateway): each is refused
 * with a 4xx and a registry code, never executed; a connection whose body was refused is closed
 * cleanly instead of hanging; and a browser's cross-site form post never runs a mutation.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import * as net from 'node:net';
import { gzipSync } from 'node:zlib';
import { ANONYMOUS } from '@cswb/contract/auth';
import { ASSERTION_HEADER } from '@cswb/contract/trust';
import { gatewayAgent, gatewaySigner } from '@cswb/testing/trust';
import { graphql } from '@cswb/testing/graphql';
import { RawAnswer, rawRequest } from '@cswb/testing/http';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken } from '@cswb/testing/tokens';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('badrequests');
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

const TYPENAME = Buffer.from(JSON.stringify({ query: '{ __typename }' }));
const JSON_TYPE = { 'content-type': 'application/json' };

function codeOf(answer: RawAnswer): unknown {
  return (JSON.parse(answer.body) as { errors?: { extensions?: { code?: unknown } }[] }).errors?.[0]?.extensions?.code;
}

function outcome(answer: RawAnswer): { status: number; code: unknown } {
  return { status: answer.status, code: codeOf(answer) };
}

async function toSubgraph(name: string, request: { method: string; search?: string; headers?: Record<string, string>; body?: Buffer }, agent = gatewayAgent()): Promise<RawAnswer> {
  const target = stack.subgraphs.find((s) => s.name === name)!;
  const signed = request.method === 'POST' ? (request.body ?? Buffer.alloc(0)) : Buffer.from(request.search ?? '');
  const assertion = await gatewaySigner()(name, { caller: ANONYMOUS, requestId: randomUUID() }, signed);
  return rawRequest(`${target.url}${request.search ?? ''}`, { ...request, headers: { ...request.headers, [ASSERTION_HEADER]: assertion } }, { agent });
}

describe('malformed requests at the gateway', () => {
  const cases: [string, { method: string; search?: string; headers?: Record<string, string>; body?: Buffer }, number, string][] = [
    ['variables that are not JSON', { method: 'GET', search: '?query=%7B__typename%7D&variables=%7B' }, 400, 'BAD_REQUEST'],
    ['extensions that are not JSON', { method: 'GET', search: '?query=%7B__typename%7D&extensions=x' }, 400, 'BAD_REQUEST'],
    ['variables that are a JSON array', { method: 'GET', search: '?query=%7B__typename%7D&variables=%5B1%5D' }, 400, 'BAD_REQUEST'],
    ['a parameter given twice', { method: 'GET', search: '?query=%7B__typename%7D&query=%7Bx%7D' }, 400, 'BAD_REQUEST'],
    ['invalid percent-encoding', { method: 'GET', search: '?query=%ZZ' }, 400, 'BAD_REQUEST'],
    ['percent-encoded bytes that are not UTF-8', { method: 'GET', search: '?query=%FF%FE' }, 400, 'BAD_REQUEST'],
    ['a body that is not JSON', { method: 'POST', headers: JSON_TYPE, body: Buffer.from('{"query":') }, 400, 'BAD_REQUEST'],
    ['a query that is not a string', { method: 'POST', headers: JSON_TYPE, body: Buffer.from('{"query":1}') }, 400, 'BAD_REQUEST'],
    ['a batch', { method: 'POST', headers: JSON_TYPE, body: Buffer.from(`[${TYPENAME},${TYPENAME}]`) }, 400, 'BAD_REQUEST'],
    ['a body that is not UTF-8', { method: 'POST', headers: JSON_TYPE, body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]) }, 400, 'BAD_REQUEST'],
    ['a gzip body', { method: 'POST', headers: { ...JSON_TYPE, 'content-encoding': 'gzip' }, body: gzipSync(TYPENAME) }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a body over MAX_REQUEST_BODY_BYTES', { method: 'POST', headers: JSON_TYPE, body: Buffer.alloc(1_500_000, 0x20) }, 413, 'PAYLOAD_TOO_LARGE'],
    ['an XML body', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: Buffer.from('<query/>') }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['PUT', { method: 'PUT', headers: JSON_TYPE, body: TYPENAME }, 405, 'METHOD_NOT_ALLOWED'],
    ['an unknown method', { method: 'FOO', headers: JSON_TYPE, body: TYPENAME }, 400, 'BAD_REQUEST'],
    ['a URL over 16 KB', { method: 'GET', search: `?query=${'a'.repeat(20_000)}` }, 431, 'BAD_REQUEST'],
    // GraphQL-over-HTTP: a request error is 400 to a client that accepts the GraphQL response type (200 to plain application/json).
    ['variables nested 100,000 deep', { method: 'POST', headers: { ...JSON_TYPE, accept: 'application/graphql-response+json' }, body: Buffer.from(`{"query":"query($a: [[Int]]) { __typename }","variables":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`) }, 400, 'GRAPHQL_VALIDATION_FAILED'],
  ];

  it.each(cases)('refuses %s with a typed 4xx and no internals', async (_name, request, status, code) => {
    const answer = await rawRequest(`${stack.gateway.url}${request.search ?? ''}`, { ...request, headers: { 'apollo-require-preflight': 'true', ...request.headers } });
    expect(outcome(answer)).toEqual({ status, code });
    expect(answer.body).not.toMatch(/Maximum call stack|node_modules|\/work\/|\bat \S+ \(/);
  });

  // The runtime would answer GraphQL at the first three too, past the body limits, the rate limit,
  // the request log and the metrics, which go by the path: nothing but /graphql reaches it (a GET
  // elsewhere is the web app's: a view, an asset or its 404).
  const OTHER_PATHS = ['/graphql/', '//graphql', '/graphql/?query=%7B__typename%7D', '/graphql%2F', '/no-such-path'];
  const REQUESTS = [
    ['a well-formed query', { method: 'POST', headers: JSON_TYPE, body: TYPENAME }],
    ...cases.filter(([name]) => ['a body that is not UTF-8', 'a gzip body', 'a body over MAX_REQUEST_BODY_BYTES'].includes(name)),
  ] as [string, { method: string; headers?: Record<string, string>; body?: Buffer }][];
  it.each(OTHER_PATHS.flatMap((path) => REQUESTS.map(([name, request]) => [path, name, request] as const)))('answers %s %s with 404 NOT_FOUND', async (path, _name, request) => {
    const url = new URL(stack.gateway.url);
    const answer = await rawRequest(`${url.origin}${path}`, { ...request, headers: { 'apollo-require-preflight': 'true', ...request.headers } });
    expect(outcome(answer)).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(answer.body).not.toContain('__typename');
  });

  it('each refusal above is of the request, not of the gateway: the well-formed request succeeds', async () => {
    const answer = await rawRequest(stack.gateway.url, { method: 'POST', headers: JSON_TYPE, body: TYPENAME });
    expect({ status: answer.status, body: JSON.parse(answer.body) }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    const get = await rawRequest(`${stack.gateway.url}?query=%7B__typename%7D&variables=%7B%7D`, { method: 'GET', headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
  });
});

describe('malformed requests at a subgraph, from the gateway', () => {
  it.each([
    ['a body that is not JSON', { method: 'POST', headers: JSON_TYPE, body: Buffer.from('{"query":') }, 400, 'BAD_REQUEST'],
    ['a body that is not UTF-8', { method: 'POST', headers: JSON_TYPE, body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]) }, 400, 'BAD_REQUEST'],
    ['a gzip body', { method: 'POST', headers: { ...JSON_TYPE, 'content-encoding': 'gzip' }, body: gzipSync(TYPENAME) }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a body over 1 MB', { method: 'POST', headers: JSON_TYPE, body: Buffer.alloc(1_500_000, 0x20) }, 413, 'PAYLOAD_TOO_LARGE'],
    ['PUT', { method: 'PUT', headers: JSON_TYPE, body: TYPENAME }, 405, 'METHOD_NOT_ALLOWED'],
    ['a mutation on a subgraph that has none', { method: 'POST', headers: JSON_TYPE, body: Buffer.from(JSON.stringify({ query: 'mutation { __typename }' })) }, 400, 'GRAPHQL_VALIDATION_FAILED'],
    // Apollo's protocol answers this with 200, for the client to send the whole document.
    ['a persisted-query hash', { method: 'POST', headers: JSON_TYPE, body: Buffer.from(JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: 'x' } })) }, 200, 'PERSISTED_QUERY_NOT_SUPPORTED'],
  ] as const)('refuses %s with a typed error', async (_name, request, status, code) => {
    expect(outcome(await toSubgraph('police', request))).toEqual({ status, code });
  });
});

/** Sends a body over the limit on a raw keep-alive connection; resolves with the status line and whether the server then closed it. */
function refusedBodyOnRawSocket(url: string): Promise<{ statusLine: string; connection: string | undefined; closedWithinMs: number }> {
  const target = new URL(url);
  const size = 3_000_000;
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(target.port), target.hostname);
    const begin = Date.now();
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the connection hung: ${JSON.stringify(received.slice(0, 200))}`));
    }, 8_000);
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ statusLine: received.split('\r\n')[0], connection: /\r\nconnection: (\S+)/i.exec(received)?.[1], closedWithinMs: Date.now() - begin });
    });
    socket.write(`POST ${target.pathname} HTTP/1.1\r\nhost: ${target.host}\r\ncontent-type: application/json\r\ncontent-length: ${size}\r\nconnection: keep-alive\r\n\r\n`);
    // The body keeps coming after the refusal, as a client that does not read answers would send it.
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < size && !socket.destroyed) {
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    pump();
  });
}

describe('a refused body does not hang its connection', () => {
  it('the gateway answers 413 with connection: close, then closes the connection', async () => {
    const result = await refusedBodyOnRawSocket(stack.gateway.url);
    expect(result.statusLine).toBe('HTTP/1.1 413 Payload Too Large');
    expect(result.connection).toBe('close');
    expect(result.closedWithinMs).toBeLessThan(5_000);
  });

  it('a keep-alive client gets the 413 and its next request answered, at the gateway and at a subgraph', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const tooLarge = { method: 'POST', headers: JSON_TYPE, body: Buffer.alloc(3_000_000, 0x20) };
    expect(outcome(await rawRequest(stack.gateway.url, tooLarge, { agent, timeoutMs: 5_000 }))).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect((await rawRequest(stack.gateway.url, { method: 'POST', headers: JSON_TYPE, body: TYPENAME }, { agent, timeoutMs: 5_000 })).status).toBe(200);
    agent.destroy();
    const subgraphAgent = gatewayAgent();
    expect(outcome(await toSubgraph('police', tooLarge, subgraphAgent))).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect((await toSubgraph('police', { method: 'POST', headers: JSON_TYPE, body: TYPENAME }, subgraphAgent)).status).toBe(200);
  });
});

describe('cross-site request forgery', () => {
  const PLANNER = { sub: 'csrf-planner', scope: 'plans:read plans:write', agency: 'lakeshore-municipality', sector: 'municipal', purpose: 'planning' };
  const MUTATION = 'mutation { addCommitteeMember(input: { planId: "8bd5e00c-9b21-5c20-a6c9-e97c8674649e", sector: EDUCATION, organisation: "Forged Organisation" }) { id } }';

  it.each([
    ['an HTML form post', 'application/x-www-form-urlencoded', `query=${encodeURIComponent(MUTATION)}`],
    ['a text/plain post', 'text/plain', JSON.stringify({ query: MUTATION })],
    ['a multipart form post', 'multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${MUTATION}\r\n--x--\r\n`],
  ])('refuses %s with 400 CSRF_PREVENTED, and the mutation never reaches its subgraph', async (_name, type, payload) => {
    stack.counters.planning.reset();
    const answer = await rawRequest(stack.gateway.url, { method: 'POST', headers: { 'content-type': type, ...bearer(await signToken(PLANNER)) }, body: Buffer.from(payload) });
    expect(outcome(answer)).toEqual({ status: 400, code: 'CSRF_PREVENTED' });
    expect(stack.counters.planning.count + stack.counters.planning.auditWrites).toBe(0);
  });

  it('refuses a GET without a preflight header, and serves it with one', async () => {
    const search = `?query=${encodeURIComponent('{ __typename }')}`;
    expect(outcome(await rawRequest(`${stack.gateway.url}${search}`, { method: 'GET' }))).toEqual({ status: 400, code: 'CSRF_PREVENTED' });
    for (const header of ['apollo-require-preflight', 'x-apollo-operation-name']) {
      expect((await rawRequest(`${stack.gateway.url}${search}`, { method: 'GET', headers: { [header]: 'x' } })).status).toBe(200);
    }
  });

  it('the same mutation with content-type application/json does run (so the refusal above is for its content type alone)', async () => {
    stack.counters.planning.reset();
    const response = await graphql(stack.gateway.url, MUTATION, undefined, bearer(await signToken(PLANNER)));
    expect(response.status).toBe(200);
    expect(stack.counters.planning.count).toBeGreaterThan(0);
  });

  it("a subgraph refuses a text/plain post (Apollo Server's own CSRF prevention is on)", async () => {
    const answer = await toSubgraph('police', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: TYPENAME });
    expect(outcome(answer)).toEqual({ status: 400, code: 'BAD_REQUEST' });
    expect(answer.body).toContain('Cross-Site Request Forgery');
  });
});
