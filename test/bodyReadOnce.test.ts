/**
 * The body the gateway reads itself (`readGraphQLRequestBody`) is parsed by the runtime without
 * being piped through graphql-yoga's size limit a second time (`useBodyReadOnce`); a body the
 * gateway did not read keeps that limit. A real Hive runtime (proxy mode) in front of a real
 * GraphQL server, both on port 0, with a plugin after ours that records what the limit would see.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, type GatewayPlugin, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { buildSchema, graphql as execute } from 'graphql';
import { readBoundedBody } from '@cswb/contract/http';
import { useBodyReadOnce } from '@cswb/gateway/dist/plugins/useBodyReadOnce';

const UPSTREAM_SCHEMA = buildSchema('type Query { echo(text: String!): String! }');

async function listenOn(handler: http.RequestListener): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}

describe('useBodyReadOnce', () => {
  let upstream: { server: http.Server; url: string };
  let runtime: GatewayRuntime;
  let preReading: { server: http.Server; url: string };
  let notReading: { server: http.Server; url: string };
  /** What graphql-yoga's size limit, which runs after every plugin's `onRequestParse`, finds as the request's body. */
  const bodiesSeen: ('none' | 'stream')[] = [];

  beforeAll(async () => {
    upstream = await listenOn(async (request, response) => {
      const { query, variables } = JSON.parse((await readBoundedBody(request, 100_000)).toString('utf8'));
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(await execute({ schema: UPSTREAM_SCHEMA, source: query, variableValues: variables, rootValue: { echo: ({ text }: { text: string }) => text } })));
    });
    const probe: GatewayPlugin = {
      onRequestParse: ({ request }) => void bodiesSeen.push(request.body === null ? 'none' : 'stream'),
    };
    runtime = createGatewayRuntime({
      proxy: { endpoint: upstream.url },
      transports: { http: httpTransport },
      logging: false,
      landingPage: false,
      graphiql: false,
      plugins: () => [useBodyReadOnce(), probe],
    });
    // As serveGateway hands it over: the body read (bounded) first, as a Buffer on the Node request.
    preReading = await listenOn(async (request, response) => {
      (request as http.IncomingMessage & { body?: Buffer }).body = await readBoundedBody(request, 1_000_000);
      return runtime(request, response);
    });
    notReading = await listenOn((request, response) => runtime(request, response));
  });

  afterAll(async () => {
    await runtime?.dispose();
    for (const listening of [upstream, preReading, notReading]) await new Promise((resolve) => listening?.server.close(resolve));
  });

  const post = (url: string, body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  beforeEach(() => void bodiesSeen.splice(0));

  it('parses a body the gateway read without a body stream for the runtime to pipe again', async () => {
    const answer = await post(preReading.url, JSON.stringify({ query: 'query Echo($text: String!) { echo(text: $text) }', variables: { text: 'read once, é' } }));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ data: { echo: 'read once, é' } });
    expect(bodiesSeen).toEqual(['none']);
  });

  it('still answers a body read already that is not JSON with 400', async () => {
    const answer = await post(preReading.url, '{"query": "{ echo(text: \\"x\\") }"');
    expect(answer.status).toBe(400);
    expect(JSON.stringify(await answer.json())).toContain('POST body sent invalid JSON.');
    expect(bodiesSeen).toEqual(['none']);
  });

  it('leaves a body the gateway did not read to the runtime and its size limit', async () => {
    const answer = await post(notReading.url, JSON.stringify({ query: '{ echo(text: "unread") }' }));
    expect(await answer.json()).toEqual({ data: { echo: 'unread' } });
    expect(bodiesSeen).toEqual(['stream']);
  });
});
