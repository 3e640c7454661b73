/**
 * A child process of `cswb bench --only gateways`: one gateway variant in front of subgraphs that
 * are already running, listening on 127.0.0.1, port 0, its URL reported to the suite over IPC,
 * with its CPU time and peak memory on request (see gateways/ipc.ts). The variant is argv[2]:
 *
 * - `secure`: the production gateway, `startGateway` from the environment as gateway/src/main.ts
 *   does (token verification, access rules, operation limits, rate limit, request log on stdout,
 *   Prometheus metrics, subgraph timeouts, the trust boundary of `gatewayTrust`), which never
 *   merges identical in-flight subgraph requests;
 * - `hive-bare`: the same runtime and Rust query planner over the same supergraph with only the
 *   trust boundary added, since the subgraphs answer nothing else: the gateway's client
 *   certificate on one kept-alive agent (`customAgent`) and, per subgraph fetch, an assertion for
 *   that subgraph and body naming the caller of the client's token (what `useSubgraphAssertions`
 *   does; see gateways/benchTrust.ts). No access rules, limits, log or metrics; merging off too;
 *   the client's headers are not passed on. The subgraphs enforce access themselves, so it
 *   returns the same data;
 * - `apollo`: `@apollo/gateway` in `@apollo/server` (`startStandaloneServer`), over the supergraph
 *   without its SECURITY links, with the same boundary: a `RemoteGraphQLDataSource` whose fetcher
 *   (node:https) presents the gateway's certificate and whose `willSendRequest` signs the assertion
 *   for the exact body it will send.
 *
 * `SUBGRAPH_TLS=off` (plain HTTP subgraphs) leaves out the certificate, never the assertion.
 * Each variant loads only its own modules (lazily), so its memory is its own. Subgraph URLs come
 * in `CSWB_BENCH_SUBGRAPH_URLS` (a JSON object name → URL).
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../projectRoot';
import { benchTrust, BenchTrust } from './gateways/benchTrust';
import { serveBenchParent } from './gateways/ipc';
import { joinGraphNames, stripSecurityLinks } from './gateways/supergraph';

export const GATEWAY_VARIANTS = ['secure', 'hive-bare', 'apollo'] as const;
export type GatewayVariant = (typeof GATEWAY_VARIANTS)[number];

/** @apollo/gateway's fetcher types (from @apollo/utils.fetcher), as its data source declares them. */
type Fetcher = import('@apollo/gateway').RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/** The committed supergraph (what `startGateway` reads unless SUPERGRAPH_PATH says otherwise). */
const SUPERGRAPH = path.join(PROJECT_ROOT, 'gateway', 'generated', 'supergraph.graphql');

interface Serving {
  url: string;
  close(): Promise<void>;
  /** The production gateway's answer cache, turned on and off with the subgraphs' caches (`response-cache`). */
  answerCache?: { enabled: boolean };
}

async function startSecure(subgraphUrls: Record<string, string>): Promise<Serving> {
  const { readGatewayConfig, readTrustConfig } = require('@cswb/contract/config') as typeof import('@cswb/contract/config');
  const { readAuthConfig } = require('@cswb/contract/auth') as typeof import('@cswb/contract/auth');
  const gw = require('@cswb/gateway') as typeof import('@cswb/gateway');
  // What gateway/src/main.ts starts, from the same environment, on a free port; merging turned off.
  const env = process.env;
  const names = gw.subgraphEndpoints(fs.readFileSync(env.SUPERGRAPH_PATH ?? gw.DEFAULT_SUPERGRAPH_PATH, 'utf8')).map((s) => s.name);
  const config = readGatewayConfig(env, names, gw.DEFAULT_SUPERGRAPH_PATH);
  const started = await gw.startGateway(
    { ...config, port: 0, host: '127.0.0.1', subgraphUrls: { ...subgraphUrls, ...config.subgraphUrls } },
    readAuthConfig(env),
    readTrustConfig(env, PROJECT_ROOT),
  );
  return { url: started.url, close: () => started.close(), answerCache: started.answerCache };
}

async function startHiveBare(subgraphUrls: Record<string, string>): Promise<Serving> {
  const { createGatewayRuntime } = require('@graphql-hive/gateway-runtime') as typeof import('@graphql-hive/gateway-runtime');
  const { unifiedGraphHandler } = require('@graphql-hive/router-runtime') as typeof import('@graphql-hive/router-runtime');
  // Its CommonJS build exports the transport itself, not a `default`.
  const transportModule = require('@graphql-mesh/transport-http') as { default?: unknown };
  const httpTransport = (transportModule.default ?? transportModule) as typeof import('@graphql-mesh/transport-http').default;
  const supergraphSdl = fs.readFileSync(SUPERGRAPH, 'utf8');
  const trust = benchTrust(process.env);
  const gateway = createGatewayRuntime({
    supergraph: supergraphSdl,
    unifiedGraphHandler,
    transports: { http: httpTransport },
    transportEntries: {
      ...Object.fromEntries(joinGraphNames(supergraphSdl).filter((name) => subgraphUrls[name]).map((name) => [name, { location: subgraphUrls[name] }])),
      '*.http': { options: { deduplicateInflightRequests: false } },
    },
    logging: false,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    customAgent: ({ url }) => trust.agentFor(url),
    // Nothing of the client's request is passed on: the assertion carries the caller.
    propagateHeaders: { fromClientToSubgraphs: () => ({}) },
    plugins: () => [useBenchAssertions(trust)],
  });
  const server = http.createServer(gateway);
  server.keepAliveTimeout = 65_000;
  const url = await listen(server);
  return {
    url,
    close: async () => {
      await closeServer(server);
      await gateway.dispose();
      trust.close();
    },
  };
}

/**
 * What gateway/src/plugins/useSubgraphAssertions.ts does, with the caller read from the client's
 * bearer token once per request and a request id of the gateway's own: an assertion per subgraph
 * fetch, for that subgraph and the exact body sent. (That module is not loaded itself: it pulls
 * in the gateway's plugins.)
 */
function useBenchAssertions(trust: BenchTrust): import('@graphql-hive/gateway-runtime').GatewayPlugin {
  const callers = new WeakMap<Request, Promise<import('@cswb/contract/auth').Caller>>();
  const requestIds = new WeakMap<Request, string>();
  return {
    async onFetch({ options, setOptions, executionRequest, context }) {
      const subgraph = executionRequest?.subgraphName;
      const request = (context as { request?: Request } | undefined)?.request;
      if (!subgraph || !request) return;
      let caller = callers.get(request);
      if (!caller) callers.set(request, (caller = trust.callerOf(request.headers.get('authorization'))));
      let requestId = requestIds.get(request);
      if (!requestId) requestIds.set(request, (requestId = randomUUID()));
      const body = typeof options.body === 'string' || options.body instanceof Uint8Array ? options.body : '';
      const operationName = (context as { params?: { operationName?: unknown } }).params?.operationName;
      const assertion = await trust.sign(subgraph, { caller: await caller, requestId, operationName: typeof operationName === 'string' ? operationName : null }, body);
      setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), [trust.header]: assertion } });
    },
  };
}

async function startApollo(subgraphUrls: Record<string, string>): Promise<Serving> {
  // Before @apollo/gateway loads: no telemetry to cloud metadata hosts.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const { ApolloGateway, RemoteGraphQLDataSource } = require('@apollo/gateway') as typeof import('@apollo/gateway');
  const { ApolloServer } = require('@apollo/server') as typeof import('@apollo/server');
  const { startStandaloneServer } = require('@apollo/server/standalone') as typeof import('@apollo/server/standalone');
  const disabled = require('@apollo/server/plugin/disabled') as typeof import('@apollo/server/plugin/disabled');
  const trust = benchTrust(process.env);
  type Context = ApolloBoundaryContext;
  const fetcher = agentFetcher(trust);
  const gateway = new ApolloGateway({
    supergraphSdl: stripSecurityLinks(fs.readFileSync(SUPERGRAPH, 'utf8')),
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<Context>({ url: subgraphUrls[name] ?? url, fetcher, willSendRequest: signingWillSendRequest(name, trust.sign, trust.header) }),
  });
  const server = new ApolloServer<Context>({
    gateway,
    plugins: [disabled.ApolloServerPluginLandingPageDisabled(), disabled.ApolloServerPluginUsageReportingDisabled()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ caller: await trust.callerOf(req.headers.authorization), requestId: randomUUID() }),
  });
  // Stopping the server closes its HTTP server too (startStandaloneServer drains it).
  return {
    url,
    close: async () => {
      await server.stop();
      trust.close();
    },
  };
}

/** What each `@apollo/gateway` request carries: its caller, verified once, and the gateway's own request id. */
export interface ApolloBoundaryContext {
  caller: import('@cswb/contract/auth').Caller;
  requestId: string;
}

/**
 * The `@apollo/gateway` variant's `willSendRequest` for one subgraph: an assertion for that
 * subgraph, the request's caller and id and the client's operation name, bound to the body
 * exactly as `RemoteGraphQLDataSource.sendRequest` serialises it after this hook (APQ off): the
 * request without `http`, `query` first (cli/test/benchGateways.test.ts holds it to that).
 */
export function signingWillSendRequest(
  subgraph: string,
  sign: import('@cswb/contract/trust').AssertionSigner,
  header: string,
): (options: import('@apollo/gateway').GraphQLDataSourceProcessOptions<ApolloBoundaryContext>) => Promise<void> {
  return async (options) => {
    const { request, context } = options;
    const { query, http: _http, ...rest } = request;
    const body = JSON.stringify({ query, ...rest });
    const operationName = 'incomingRequestContext' in options ? options.incomingRequestContext.request.operationName : undefined;
    const assertion = await sign(subgraph, { caller: context.caller, requestId: context.requestId, operationName: operationName ?? null }, body);
    request.http!.headers.set(header, assertion);
  };
}

/**
 * An `@apollo/gateway` fetcher over node:http(s) through the boundary's agents: Node's global
 * fetch (and the gateway's default, make-fetch-happen) cannot be handed the client certificate
 * per subgraph this way. The answer is read whole, as the default fetcher's `json()` does.
 */
export function agentFetcher(trust: Pick<BenchTrust, 'agentFor'>): Fetcher {
  return (url, init = {}) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const request = (target.protocol === 'https:' ? https : http).request(
        target,
        { method: init.method ?? 'GET', headers: init.headers, agent: trust.agentFor(url) },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => resolve(fetchedResponse(url, response, Buffer.concat(chunks))));
        },
      );
      request.on('error', reject);
      request.end(init.body);
    });
}

function fetchedResponse(url: string, response: http.IncomingMessage, body: Buffer): FetcherResponse {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const status = response.statusCode ?? 0;
  const make = (): FetcherResponse => {
    let used = false;
    const take = () => {
      used = true;
      return body;
    };
    return {
      get bodyUsed() {
        return used;
      },
      url,
      redirected: false,
      status,
      ok: status >= 200 && status < 300,
      statusText: response.statusMessage ?? '',
      headers,
      arrayBuffer: async () => {
        const bytes = take();
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      },
      text: async () => take().toString('utf8'),
      json: async () => JSON.parse(take().toString('utf8')),
      clone: make,
    };
  };
  return make();
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

async function closeServer(server: http.Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const variant = process.argv[2] as GatewayVariant;
  let serving: Serving | undefined;
  const parent = serveBenchParent({
    stop: async () => serving?.close(),
    handle: (request) => {
      if (request.type !== 'response-cache' || !serving?.answerCache) return undefined;
      serving.answerCache.enabled = request.enabled === true;
      return serving.answerCache.enabled;
    },
  });
  try {
    if (!GATEWAY_VARIANTS.includes(variant)) throw new Error(`unknown gateway variant "${variant}"; one of ${GATEWAY_VARIANTS.join(', ')}`);
    const subgraphUrls = JSON.parse(process.env.CSWB_BENCH_SUBGRAPH_URLS ?? '{}') as Record<string, string>;
    serving = await (variant === 'secure' ? startSecure : variant === 'hive-bare' ? startHiveBare : startApollo)(subgraphUrls);
    parent.ready({ url: serving.url, seconds: (performance.now() - started) / 1000 });
  } catch (error) {
    await serving?.close().catch(() => {});
    parent.failed(error);
  }
}

if (require.main === module) void main();
