import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { ANONYMOUS } from '@cswb/contract/auth';
import { ErrorCode } from '@cswb/contract/errors';
import { answerClientErrors, atMost, gracefulClose, HttpRefusal, sendRefusal } from '@cswb/contract/http';
import { ASSERTION_HEADER, postJson } from '@cswb/contract/trust';
import { DEFAULT_MAX_REQUEST_BODY_BYTES, readGraphQLRequestBody } from './readGraphQLRequestBody';
import { GRAPHQL_PATH, HEALTH_PATH, type GatewayTrust } from './createGateway';
import type { SubgraphEndpoint } from './subgraphEndpoints';
import type { GatewayMetrics } from './metrics';
import type { CircuitState } from './SubgraphCircuitBreakers';

export interface ServingGateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface SubgraphStatus {
  name: string;
  url: string;
  /** Answers GraphQL as the gateway calls it and its own `/readiness` (its database) is 200. */
  status: 'up' | 'down';
  error?: string;
  /** Its circuit breaker, when the gateway has one. */
  circuit?: CircuitState;
}

/** What `/readiness` answers: `degraded` (still 200) while at least one subgraph is up (docs/operations.md, "Faults"). */
export interface HubReadiness {
  status: 'ready' | 'degraded' | 'unavailable';
  subgraphs: SubgraphStatus[];
}

const PROBE_TIMEOUT_MS = 1500;

const PROBE_BODY = '{"query":"{__typename}"}';

/** GET `url` through `agent`: the status and body. */
function getText(url: string, agent: http.Agent | undefined, timeoutMs: number): Promise<{ status: number; body: string }> {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { agent, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}

/**
 * Asks each subgraph, as the gateway, for `__typename` (the trust boundary and GraphQL answer)
 * and its `/readiness` (its database answers), at once.
 */
export async function probeSubgraphs(subgraphs: readonly SubgraphEndpoint[], trust: GatewayTrust, circuitOf?: (name: string) => CircuitState): Promise<SubgraphStatus[]> {
  return Promise.all(
    subgraphs.map(async ({ name, url }): Promise<SubgraphStatus> => {
      const circuit = circuitOf ? { circuit: circuitOf(name) } : {};
      const agent = url.startsWith('https:') ? trust.agent : undefined;
      try {
        const assertion = await trust.sign(name, { caller: ANONYMOUS, requestId: randomUUID() }, PROBE_BODY);
        const readinessUrl = new URL(url);
        readinessUrl.pathname = readinessUrl.pathname.replace(/\/graphql$/, '') + '/readiness';
        const [graphql, readiness] = await Promise.all([
          postJson(url, PROBE_BODY, { agent, headers: { [ASSERTION_HEADER]: assertion }, timeoutMs: PROBE_TIMEOUT_MS }),
          getText(readinessUrl.toString(), agent, PROBE_TIMEOUT_MS),
        ]);
        if (graphql.status !== 200) return { name, url, status: 'down', error: `GraphQL: HTTP ${graphql.status}`, ...circuit };
        if (readiness.status !== 200) {
          let reason: string | undefined;
          try {
            reason = (JSON.parse(readiness.body) as { reason?: string }).reason;
          } catch {
            reason = undefined;
          }
          return { name, url, status: 'down', error: `readiness: HTTP ${readiness.status}${reason ? ` (${reason})` : ''}`, ...circuit };
        }
        return { name, url, status: 'up', ...circuit };
      } catch (error) {
        return { name, url, status: 'down', error: (error as Error).message, ...circuit };
      }
    }),
  );
}

/** Ready when every subgraph is up; degraded but still serving (200) while one is; unavailable (503) when none is. */
export function hubReadiness(subgraphs: SubgraphStatus[]): HubReadiness {
  const up = subgraphs.filter((s) => s.status === 'up').length;
  return { status: up === subgraphs.length ? 'ready' : up > 0 ? 'degraded' : 'unavailable', subgraphs };
}

/**
 * Serves the gateway over `node:http`: `/graphql`, `/health` (liveness) and
 * `/readiness` (`hubReadiness`: 200 while at least one subgraph is up, each one's status in the body), `/metrics` (Prometheus text, when given) and `options.routes` (the web app at `/`). The runtime does not close a
 * server it did not create, so `close` does both.
 */
export async function serveGateway(
  gateway: GatewayRuntime,
  subgraphs: readonly SubgraphEndpoint[],
  options: {
    port: number;
    host?: string;
    metrics?: GatewayMetrics;
    trust: GatewayTrust;
    maxRequestBodyBytes?: number;
    /** Each subgraph's circuit, reported by `/readiness`. */
    circuitOf?: (subgraphName: string) => CircuitState;
    /** In-flight requests' time to finish on close (`SHUTDOWN_GRACE_MS`); default 10 s. */
    shutdownGraceMs?: number;
    /** Asked in order before GraphQL (the web app, development tokens): each answers a request (true) or passes it on. */
    routes?: ReadonlyArray<(request: http.IncomingMessage, response: http.ServerResponse) => boolean | Promise<boolean>>;
  },
): Promise<ServingGateway> {
  const server = http.createServer(async (request, response) => {
    const pathname = request.url?.split('?')[0];
    if (pathname === '/readiness') {
      const readiness = hubReadiness(await probeSubgraphs(subgraphs, options.trust, options.circuitOf));
      response.writeHead(readiness.status === 'unavailable' ? 503 : 200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(readiness));
      return;
    }
    if (options.metrics && request.method === 'GET' && pathname === '/metrics') {
      const text = await options.metrics.render().catch(() => undefined);
      response.writeHead(text === undefined ? 500 : 200, { 'content-type': text === undefined ? 'text/plain' : options.metrics.contentType });
      response.end(text ?? 'metrics unavailable\n');
      return;
    }
    for (const route of options.routes ?? []) if (await route(request, response)) return;
    // The runtime would also answer GraphQL at `/graphql/` and `//graphql`, where the body limits,
    // the rate limit, the request log and the metrics (which go by the path) would not apply.
    if (pathname !== GRAPHQL_PATH && pathname !== HEALTH_PATH) return sendRefusal(request, response, new HttpRefusal(404, ErrorCode.NOT_FOUND, `nothing is served at ${JSON.stringify(pathname ?? '')}: GraphQL is at ${GRAPHQL_PATH}`));
    if (pathname === GRAPHQL_PATH) {
      try {
        await readGraphQLRequestBody(request, options.maxRequestBodyBytes ?? DEFAULT_MAX_REQUEST_BODY_BYTES);
      } catch (error) {
        return sendRefusal(request, response, error instanceof HttpRefusal ? error : new HttpRefusal(400, ErrorCode.BAD_REQUEST, 'request body could not be read'));
      }
    }
    return gateway(request, response);
  });
  server.keepAliveTimeout = 65_000;
  const closeHttpServer = gracefulClose(server);
  answerClientErrors(server);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/graphql`,
    close: async () => {
      await closeHttpServer(options.shutdownGraceMs ?? 10_000);
      await atMost(1000, Promise.resolve(gateway.dispose()));
    },
  };
}
