import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { ANONYMOUS, ASSERTION_HEADER, postJson } from '@cswb/shared';
import type { GatewayTrust } from './createGateway';
import type { SubgraphEndpoint } from './subgraphEndpoints';
import type { GatewayMetrics } from './metrics';

export interface ServingGateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface SubgraphStatus {
  name: string;
  url: string;
  reachable: boolean;
  error?: string;
}

const PROBE_TIMEOUT_MS = 2000;

const PROBE_BODY = '{"query":"{__typename}"}';

/** Asks each subgraph for `__typename` (the cheapest query any federation subgraph answers), as the gateway. */
export async function probeSubgraphs(subgraphs: readonly SubgraphEndpoint[], trust: GatewayTrust): Promise<SubgraphStatus[]> {
  return Promise.all(
    subgraphs.map(async ({ name, url }) => {
      try {
        const assertion = await trust.sign(name, { caller: ANONYMOUS, requestId: randomUUID() }, PROBE_BODY);
        const response = await postJson(url, PROBE_BODY, { agent: url.startsWith('https:') ? trust.agent : undefined, headers: { [ASSERTION_HEADER]: assertion }, timeoutMs: PROBE_TIMEOUT_MS });
        const ok = response.status === 200;
        return { name, url, reachable: ok, ...(ok ? {} : { error: `HTTP ${response.status}` }) };
      } catch (error) {
        return { name, url, reachable: false, error: (error as Error).message };
      }
    }),
  );
}

/**
 * Serves the gateway over `node:http`: `/graphql`, `/healthcheck` (liveness) and
 * `/readiness` (200 only when every subgraph answers) and `/metrics` (Prometheus text, when given). The runtime does not close a
 * server it did not create, so `close` does both.
 */
export async function serveGateway(
  gateway: GatewayRuntime,
  subgraphs: readonly SubgraphEndpoint[],
  options: { port: number; host?: string; metrics?: GatewayMetrics; trust: GatewayTrust },
): Promise<ServingGateway> {
  const server = http.createServer(async (request, response) => {
    if (request.url?.split('?')[0] === '/readiness') {
      const statuses = await probeSubgraphs(subgraphs, options.trust);
      const ready = statuses.every((s) => s.reachable);
      response.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: ready ? 'ready' : 'unavailable', subgraphs: statuses }));
      return;
    }
    if (options.metrics && request.method === 'GET' && request.url?.split('?')[0] === '/metrics') {
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      response.end(options.metrics.render());
      return;
    }
    return gateway(request, response);
  });
  server.keepAliveTimeout = 65_000;
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
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await gateway.dispose();
    },
  };
}
