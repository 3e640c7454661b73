/**
 * A child process of `cswb bench`: PostgreSQL and every subgraph as `npm start` runs them
 * (`startSubgraphs`, with the trust boundary: mutual TLS unless `SUBGRAPH_TLS=off`, and the
 * gateway's assertion always) but without the gateway: each gateway variant of the suite runs in
 * a process of its own in front of these. Reports the subgraph URLs over IPC, counts the requests
 * each subgraph receives (asked with `counts`) and the connections they accept (`connections`:
 * over mutual TLS each is a handshake), turns the subgraphs' response caches on or off
 * (`response-cache`), and stops on `stop` or when the suite goes away.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { envPrefix, readTrustConfig } from '@cswb/contract/config';
import { ensureDeploymentCertificates } from '@cswb/contract/trust';
import { PROJECT_ROOT } from '../../projectRoot';
import { discoverSubgraphs } from '../../discoverSubgraphs';
import { RunningSubgraphs, startSubgraphs } from '../../startStack';
import { serveBenchParent } from './ipc';

const requestsByPort = new Map<number, number>();
let connections = 0;
// Every connection a subgraph accepts (over mutual TLS, each is a handshake).
subscribe('net.server.socket', () => {
  connections++;
});
// A server's port, asked of the socket once: counting must not add a system call to every request measured.
const portOfServer = new WeakMap<Server, number>();
// Every HTTP request this process serves, by the port of the server it reached.
subscribe('http.server.request.start', (message) => {
  const { server } = message as { server: Server };
  let port = portOfServer.get(server);
  if (port === undefined) {
    port = (server.address() as AddressInfo | null)?.port;
    if (port === undefined) return;
    portOfServer.set(server, port);
  }
  requestsByPort.set(port, (requestsByPort.get(port) ?? 0) + 1);
});

async function main(): Promise<void> {
  const started = performance.now();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  // Free ports unless the suite chose them: the gateway variants learn the URLs over IPC.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const { definition } of discoverSubgraphs()) env[`${envPrefix(definition.name)}_PORT`] ??= '0';
  let running: RunningSubgraphs | undefined;
  const parent = serveBenchParent({
    stop: async () => running?.close(),
    handle: (request) =>
      request.type === 'counts'
        ? Object.fromEntries((running?.subgraphs ?? []).map((s) => [s.name, requestsByPort.get(s.port) ?? 0]))
        : request.type === 'connections'
          ? connections
          : request.type === 'response-cache'
            ? (running?.subgraphs ?? []).map((s) => {
                if (s.responseCache) s.responseCache.enabled = request.enabled === true;
                return s.responseCache?.enabled ?? false;
              })
            : undefined,
  });
  try {
    const trust = readTrustConfig(env, PROJECT_ROOT);
    running = await startSubgraphs({
      env,
      log,
      host: '127.0.0.1',
      trust,
      certificates: await ensureDeploymentCertificates(trust.certsDir, discoverSubgraphs().map((s) => s.definition.name), trust.certificateHosts),
      // Planning's risk analysis is not among the benchmarked questions.
      gatewayUrl: () => undefined,
    });
    parent.ready({ subgraphs: running.subgraphs.map((s) => ({ name: s.name, url: s.url })), seconds: (performance.now() - started) / 1000 });
  } catch (error) {
    parent.failed(error);
  }
}

void main();
