/**
 * A child process of `cswb bench --only gateways`: PostgreSQL (embedded unless a database URL is
 * configured) and every subgraph, migrated, seeded when empty and listening, as `npm start` runs
 * them but without the gateway: each gateway variant of the suite runs in a process of its own
 * in front of these. Reports the subgraph URLs over IPC, counts the requests each subgraph
 * receives (asked with `counts`) and stops on `stop` or when the suite goes away.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createSyntheticCity,
  createTokenVerifier,
  databaseUrlFor,
  EmbeddedPostgres,
  envPrefix,
  prepareDatabase,
  readAuthConfig,
  readEmbeddedPostgresConfig,
  readPort,
  readSeed,
  readSeedSize,
  RunningSubgraph,
  serveSubgraph,
  usesEmbeddedPostgres,
} from '@cswb/shared';
import { discoverSubgraphs } from '../../discoverSubgraphs';
import { PROJECT_ROOT } from '../../projectRoot';
import { serveBenchParent } from './ipc';

const requestsByPort = new Map<number, number>();
// Every HTTP request this process serves, by the port of the server it reached.
subscribe('http.server.request.start', (message) => {
  const port = ((message as { server: Server }).server.address() as AddressInfo | null)?.port;
  if (port !== undefined) requestsByPort.set(port, (requestsByPort.get(port) ?? 0) + 1);
});

async function main(): Promise<void> {
  const started = performance.now();
  const env = process.env;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const state: { postgres?: EmbeddedPostgres; subgraphs: RunningSubgraph[] } = { subgraphs: [] };
  const close = async () => {
    await Promise.all(state.subgraphs.map((s) => s.close().catch(() => {})));
    await state.postgres?.stop().catch(() => {});
  };
  const parent = serveBenchParent({
    stop: close,
    handle: (request) =>
      request.type === 'counts' ? Object.fromEntries(state.subgraphs.map((s) => [s.name, requestsByPort.get(s.port) ?? 0])) : undefined,
  });
  try {
    const discovered = discoverSubgraphs();
    const names = discovered.map((s) => s.definition.name);
    const seedSize = readSeedSize(env);
    const verifyToken = createTokenVerifier(readAuthConfig(env));
    let embeddedUrl: string | undefined;
    if (usesEmbeddedPostgres(env, names)) {
      const config = readEmbeddedPostgresConfig(env, PROJECT_ROOT);
      log(`Starting embedded PostgreSQL (data in ${config.dataDir})`);
      state.postgres = new EmbeddedPostgres({ ...config });
      embeddedUrl = await state.postgres.start();
    }
    const city = seedSize === 'none' ? undefined : createSyntheticCity(seedSize, readSeed(env));
    await Promise.all(
      discovered.map(async ({ definition }) => {
        const { db, seeded } = await prepareDatabase(definition, {
          url: databaseUrlFor(definition.name, env, embeddedUrl),
          seed: city && seedSize !== 'none' ? { city, size: seedSize, progress: log } : undefined,
        });
        if (seeded) log(`Seeded ${definition.name}: ${Object.entries(seeded.rows).map(([t, n]) => `${n} ${t}`).join(', ')}`);
        state.subgraphs.push(
          await serveSubgraph(definition, db, {
            port: readPort(env, `${envPrefix(definition.name)}_PORT`, 0),
            host: '127.0.0.1',
            verifyToken,
            gatewayUrl: () => undefined,
          }),
        );
      }),
    );
    parent.ready({ subgraphs: state.subgraphs.map((s) => ({ name: s.name, url: s.url })), seconds: (performance.now() - started) / 1000 });
  } catch (error) {
    await close();
    parent.failed(error);
  }
}

void main();
