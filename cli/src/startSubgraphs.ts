import { appDatabaseUrlFor, databaseUrlFor, Env, envPrefix, readEmbeddedPostgresConfig, readPort, readSeed, readSeedSize, readShutdownGraceMs, readSubgraphLimits, readOperationLimits, readTracingConfig, readResponseCacheConfig, readSubgraphMetricsPort, readSubgraphsHeapGrowingPercent, subgraphServiceName, usesEmbeddedPostgres } from '@cswb/contract/config';
import { limitHeapGrowth } from '@cswb/contract/limits';
import { EmbeddedPostgres } from '@cswb/subgraph-kit/db';
import { prepareDatabase, RunningSubgraph, serveSubgraph } from '@cswb/subgraph-kit/server';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import type { Logger } from 'typeorm';
import type { Logger as HubLogger } from '@cswb/contract/logging';
import type { TrustConfig } from '@cswb/contract/config';
import type { DeploymentCertificates } from '@cswb/contract/trust';
import { discoverSubgraphs } from './discoverSubgraphs';
import { PROJECT_ROOT } from './projectRoot';

export interface StackOptions {
  env: Env;
  /** Lines of progress for a person watching. */
  log?: (line: string) => void;
  /** A TypeORM logger per subgraph, e.g. to count SQL statements. */
  sqlLogger?: (subgraphName: string) => Logger | undefined;
  /** No gateway logs (tests). */
  quiet?: boolean;
  /** The process's logger (`createLogger`): gateway and subgraphs log through children naming their service. */
  logger?: HubLogger;
}

export interface RunningSubgraphs {
  subgraphs: RunningSubgraph[];
  postgres?: EmbeddedPostgres;
  close(): Promise<void>;
}

/**
 * PostgreSQL (embedded unless a database URL is configured) and each subgraph migrated, seeded
 * if empty and listening on its `<NAME>_PORT` (or its default port) on `host`.
 */
export async function startSubgraphs(
  options: StackOptions & { host: string; trust: TrustConfig; certificates: DeploymentCertificates; gatewayUrl: () => string | undefined },
): Promise<RunningSubgraphs> {
  const log = options.log ?? (() => {});
  const env = options.env;
  const discovered = discoverSubgraphs();
  const names = discovered.map((s) => s.definition.name);
  const seedSize = readSeedSize(env);
  const limits = readSubgraphLimits(env);
  const operationLimits = readOperationLimits(env);
  limitHeapGrowth(readSubgraphsHeapGrowingPercent(env));
  const started: { postgres?: EmbeddedPostgres; subgraphs: RunningSubgraph[] } = { subgraphs: [] };
  const close = async () => {
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
    const city = seedSize === 'none' ? undefined : createSyntheticCity(seedSize, readSeed(env));
    // Every subgraph settles before anything is stopped: stopping PostgreSQL under one still
    // migrating or seeding (because another could not listen) would crash it, and one that
    // started listening afterwards would be left running.
    const starts = await Promise.allSettled(
      discovered.map(async ({ definition }) => {
        const { db, seeded } = await prepareDatabase(definition, {
          url: databaseUrlFor(definition.name, env, embeddedUrl),
          appUrl: appDatabaseUrlFor(definition.name, env, embeddedUrl),
          logger: options.sqlLogger?.(definition.name),
          log: options.logger?.child({ service: subgraphServiceName(definition.name) }),
          seed: city && seedSize !== 'none' ? { city, size: seedSize, progress: log } : undefined,
        });
        if (seeded) log(`Seeded ${definition.name}: ${Object.entries(seeded.rows).map(([t, n]) => `${n} ${t}`).join(', ')}`);
        started.subgraphs.push(
          await serveSubgraph(definition, db, {
            port: readPort(env, `${envPrefix(definition.name)}_PORT`, definition.defaultPort),
            host: options.host,
            trust: { certificates: options.certificates, tls: options.trust.subgraphTls, assertionTtlSeconds: options.trust.assertionTtlSeconds },
            gatewayUrl: options.gatewayUrl,
            tracing: readTracingConfig(env, subgraphServiceName(definition.name)),
            maxRepresentations: limits.maxRepresentations,
            operationLimits,
            shutdownGraceMs: readShutdownGraceMs(env),
            log: options.logger,
            metricsPort: readSubgraphMetricsPort(definition.name, env, { alone: false }),
            responseCache: readResponseCacheConfig(env),
          }),
        );
      }),
    );
    const failed = starts.find((start): start is PromiseRejectedResult => start.status === 'rejected');
    if (failed) throw failed.reason;
    return { subgraphs: started.subgraphs, postgres: started.postgres, close };
  } catch (error) {
    await close();
    throw error;
  }
}
