import {
  createTokenVerifier,
  createSyntheticCity,
  readAuthConfig,
  databaseUrlFor,
  EmbeddedPostgres,
  Env,
  envPrefix,
  prepareDatabase,
  readEmbeddedPostgresConfig,
  readGatewayConfig,
  readPort,
  readSeed,
  readSeedSize,
  readTracingConfig,
  RunningSubgraph,
  serveSubgraph,
  subgraphServiceName,
  usesEmbeddedPostgres,
} from '@cswb/shared';
import { startGateway, StartedGateway } from '@cswb/gateway';
import type { Logger } from 'typeorm';
import { discoverSubgraphs } from './discoverSubgraphs';
import { SUPERGRAPH_FILE } from './compose';
import { PROJECT_ROOT } from './projectRoot';
import { withDevelopmentTokenSecret } from './developmentTokenSecret';

export interface StackOptions {
  env: Env;
  /** Lines of progress for a person watching. */
  log?: (line: string) => void;
  /** A TypeORM logger per subgraph, e.g. to count SQL statements. */
  sqlLogger?: (subgraphName: string) => Logger | undefined;
  /** No gateway logs (tests). */
  quiet?: boolean;
}

export interface RunningStack {
  gateway: StartedGateway;
  subgraphs: RunningSubgraph[];
  postgres?: EmbeddedPostgres;
  close(): Promise<void>;
}

/**
 * Everything `npm start` runs, in one process: PostgreSQL (embedded unless a database
 * URL is configured), each subgraph migrated, seeded if empty and listening, then the
 * gateway in front of them.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const log = options.log ?? (() => {});
  const env = withDevelopmentTokenSecret(options.env, log);
  const discovered = discoverSubgraphs();
  const names = discovered.map((s) => s.definition.name);
  const gatewayConfig = readGatewayConfig(env, names, SUPERGRAPH_FILE);
  const seedSize = readSeedSize(env);
  const seed = readSeed(env);
  const auth = readAuthConfig(env);
  const verifyToken = createTokenVerifier(auth);
  const ports = Object.fromEntries(
    discovered.map(({ definition }) => [definition.name, readPort(env, `${envPrefix(definition.name)}_PORT`, definition.defaultPort)]),
  );

  const started: { postgres?: EmbeddedPostgres; subgraphs: RunningSubgraph[]; gateway?: StartedGateway } = { subgraphs: [] };
  const close = async () => {
    await started.gateway?.close().catch(() => {});
    await Promise.all(started.subgraphs.map((s) => s.close().catch(() => {})));
    await started.postgres?.stop();
  };

  try {
    let embeddedUrl: string | undefined;
    if (usesEmbeddedPostgres(env, names)) {
      const config = readEmbeddedPostgresConfig(env, PROJECT_ROOT);
      log(`Starting embedded PostgreSQL (data in ${config.dataDir})`);
      started.postgres = new EmbeddedPostgres({ ...config });
      embeddedUrl = await started.postgres.start();
    }
    const city = seedSize === 'none' ? undefined : createSyntheticCity(seedSize, seed);
    await Promise.all(
      discovered.map(async ({ definition }) => {
        const url = databaseUrlFor(definition.name, env, embeddedUrl);
        const { db, seeded } = await prepareDatabase(definition, {
          url,
          logger: options.sqlLogger?.(definition.name),
          seed: city && seedSize !== 'none' ? { city, size: seedSize, progress: log } : undefined,
        });
        if (seeded) log(`Seeded ${definition.name}: ${Object.entries(seeded.rows).map(([t, n]) => `${n} ${t}`).join(', ')}`);
        started.subgraphs.push(
          await serveSubgraph(definition, db, {
            port: ports[definition.name],
            host: gatewayConfig.host,
            verifyToken,
            // The gateway starts after the subgraphs: asked for lazily.
            gatewayUrl: () => started.gateway?.url,
            tracing: readTracingConfig(env, subgraphServiceName(definition.name)),
          }),
        );
      }),
    );
    const subgraphUrls = { ...Object.fromEntries(started.subgraphs.map((s) => [s.name, s.url])), ...gatewayConfig.subgraphUrls };
    started.gateway = await startGateway({ ...gatewayConfig, subgraphUrls }, auth, { quiet: options.quiet });
    return { gateway: started.gateway, subgraphs: started.subgraphs, postgres: started.postgres, close };
  } catch (error) {
    await close();
    throw error;
  }
}
