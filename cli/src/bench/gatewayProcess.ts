/**
 * A child process of `cswb bench --only gateways`: one gateway variant in front of subgraphs that
 * are already running, listening on 127.0.0.1, port 0, its URL reported to the suite over IPC,
 * with its CPU time and peak memory on request (see gateways/ipc.ts). The variant is argv[2]:
 *
 * - `secure`: the production gateway, `startGateway` from the environment as gateway/src/main.ts
 *   does (token verification, access rules, operation limits, rate limit, request log on stdout,
 *   Prometheus metrics, subgraph timeouts), with one difference: the runtime's merging of
 *   identical in-flight subgraph requests is off (`deduplicateInflightRequests: false`);
 * - `hive-bare`: the same runtime and Rust query planner over the same supergraph with nothing
 *   added: no token verification, access rules, limits, log or metrics, merging off too; the
 *   caller's authorization header is still passed to the subgraphs, which enforce access
 *   themselves, so it returns the same data;
 * - `apollo`: `@apollo/gateway` in `@apollo/server` (`startStandaloneServer`), over the supergraph
 *   without its SECURITY links, passing the authorization header to the subgraphs.
 *
 * Each variant loads only its own modules (lazily), so its memory is its own. Subgraph URLs come
 * in `CSWB_BENCH_SUBGRAPH_URLS` (a JSON object name → URL).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../projectRoot';
import { serveBenchParent } from './gateways/ipc';
import { joinGraphNames, stripSecurityLinks } from './gateways/supergraph';

export const GATEWAY_VARIANTS = ['secure', 'hive-bare', 'apollo'] as const;
export type GatewayVariant = (typeof GATEWAY_VARIANTS)[number];

/** The committed supergraph (what `startGateway` reads unless SUPERGRAPH_PATH says otherwise). */
const SUPERGRAPH = path.join(PROJECT_ROOT, 'gateway', 'supergraph.graphql');

interface Serving {
  url: string;
  close(): Promise<void>;
}

async function startSecure(subgraphUrls: Record<string, string>): Promise<Serving> {
  const shared = require('@cswb/shared') as typeof import('@cswb/shared');
  const gw = require('@cswb/gateway') as typeof import('@cswb/gateway');
  // What gateway/src/main.ts starts, from the same environment, on a free port; merging turned off.
  const env = process.env;
  const names = gw.subgraphEndpoints(fs.readFileSync(env.SUPERGRAPH_PATH ?? gw.DEFAULT_SUPERGRAPH_PATH, 'utf8')).map((s) => s.name);
  const config = shared.readGatewayConfig(env, names, gw.DEFAULT_SUPERGRAPH_PATH);
  const started = await gw.startGateway(
    { ...config, port: 0, host: '127.0.0.1', subgraphUrls: { ...subgraphUrls, ...config.subgraphUrls } },
    shared.readAuthConfig(env),
    { deduplicateInflightRequests: false },
  );
  return { url: started.url, close: () => started.close() };
}

async function startHiveBare(subgraphUrls: Record<string, string>): Promise<Serving> {
  const { createGatewayRuntime } = require('@graphql-hive/gateway-runtime') as typeof import('@graphql-hive/gateway-runtime');
  const { unifiedGraphHandler } = require('@graphql-hive/router-runtime') as typeof import('@graphql-hive/router-runtime');
  // Its CommonJS build exports the transport itself, not a `default`.
  const transportModule = require('@graphql-mesh/transport-http') as { default?: unknown };
  const httpTransport = (transportModule.default ?? transportModule) as typeof import('@graphql-mesh/transport-http').default;
  const supergraphSdl = fs.readFileSync(SUPERGRAPH, 'utf8');
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
    propagateHeaders: { fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }) },
  });
  const server = http.createServer(gateway);
  server.keepAliveTimeout = 65_000;
  const url = await listen(server);
  return {
    url,
    close: async () => {
      await closeServer(server);
      await gateway.dispose();
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
  interface Context {
    authorization?: string;
  }
  const gateway = new ApolloGateway({
    supergraphSdl: stripSecurityLinks(fs.readFileSync(SUPERGRAPH, 'utf8')),
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<Context>({
        url: subgraphUrls[name] ?? url,
        willSendRequest({ request, context }) {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
        },
      }),
  });
  const server = new ApolloServer<Context>({
    gateway,
    plugins: [disabled.ApolloServerPluginLandingPageDisabled(), disabled.ApolloServerPluginUsageReportingDisabled()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  // Stopping the server closes its HTTP server too (startStandaloneServer drains it).
  return { url, close: () => server.stop() };
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
  const parent = serveBenchParent({ stop: async () => serving?.close() });
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
