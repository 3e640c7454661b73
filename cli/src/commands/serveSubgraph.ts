import { ConfigError, readLogConfig, readGatewayUrl, readTrustConfig, readSeed, readSeedSize, readShutdownGraceMs, readSubgraphLimits, readOperationLimits, readSubgraphServerConfig, readTracingConfig, readResponseCacheConfig, readSubgraphMetricsPort, readSubgraphsHeapGrowingPercent, subgraphServiceName } from '@cswb/contract/config';
import { limitHeapGrowth } from '@cswb/contract/limits';
import { readDeploymentCertificates } from '@cswb/contract/trust';
import { createLogger, describeError, type Logger } from '@cswb/contract/logging';
import { prepareDatabase, RunningSubgraph, serveSubgraph } from '@cswb/subgraph-kit/server';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import type { DataSource } from 'typeorm';
import { discoverSubgraphs } from '../discoverSubgraphs';
import { PROJECT_ROOT } from '../projectRoot';

/**
 * `cswb serve-subgraph <name>`: one subgraph on its own, as a container runs it. Creates
 * its database if needed, migrates it, seeds it when empty (`SEED_SIZE` small or city)
 * and serves it until SIGINT or SIGTERM.
 */
export async function serveOneSubgraph(name: string): Promise<number> {
  const env = process.env;
  const discovered = discoverSubgraphs();
  const found = discovered.find((s) => s.definition.name === name);
  if (!found) {
    const known = discovered.map((s) => s.definition.name).join(', ');
    process.stderr.write(`cswb serve-subgraph: unknown subgraph "${name}"; known subgraphs: ${known}\n`);
    return 2;
  }
  const { definition } = found;
  let logger: Logger;
  try {
    logger = createLogger({ service: subgraphServiceName(name), ...readLogConfig(env, process.stdout.isTTY === true) });
  } catch (error) {
    process.stderr.write(`cswb serve-subgraph: ${(error as Error).message}\n`);
    return 1;
  }
  const log = (line: string) => logger.info(line);

  // Listen for signals from the start: a container stopped while migrating or seeding
  // must stop too (as PID 1, node ignores signals it has no handler for).
  let requestStop: (signal: string) => void = () => {};
  const stopRequested = new Promise<string>((resolve) => (requestStop = resolve));
  const onSigint = () => requestStop('SIGINT');
  const onSigterm = () => requestStop('SIGTERM');
  process.once('SIGINT', onSigint);
  process.once('SIGTERM', onSigterm);

  let db: DataSource | undefined;
  let server: RunningSubgraph | undefined;
  try {
    const config = readSubgraphServerConfig(name, definition.defaultPort, env);
    const trustConfig = readTrustConfig(env, PROJECT_ROOT);
    const trust = { certificates: readDeploymentCertificates(trustConfig.certsDir), tls: trustConfig.subgraphTls, assertionTtlSeconds: trustConfig.assertionTtlSeconds };
    const host = env.HOST ?? '127.0.0.1';
    const tracing = readTracingConfig(env, subgraphServiceName(name));
    const { maxRepresentations } = readSubgraphLimits(env);
    const operationLimits = readOperationLimits(env);
    limitHeapGrowth(readSubgraphsHeapGrowingPercent(env));
    const metricsPort = readSubgraphMetricsPort(name, env, { alone: true });
    const size = readSeedSize(env);
    const seed = size === 'small' || size === 'city' ? { city: createSyntheticCity(size, readSeed(env)), size, progress: log } : undefined;

    const starting = (async () => {
      const prepared = await prepareDatabase(definition, { log: logger, url: config.databaseUrl, appUrl: config.appDatabaseUrl, seed });
      db = prepared.db;
      if (prepared.seeded) {
        log(`Seeded ${name}: ${Object.entries(prepared.seeded.rows).map(([table, n]) => `${n} ${table}`).join(', ')}`);
      }
      server = await serveSubgraph(definition, prepared.db, { log: logger, port: config.port, host, trust, tracing, maxRepresentations, operationLimits, shutdownGraceMs: readShutdownGraceMs(env), responseCache: readResponseCacheConfig(env), metricsPort, gatewayUrl: () => readGatewayUrl(env) });
      return server;
    })();
    const first = await Promise.race([starting.then((running) => ({ running })), stopRequested.then((signal) => ({ signal }))]);
    if ('signal' in first) {
      // Stopped before it was listening: let start-up settle, then close what it opened.
      log(`${first.signal}: stopping subgraph ${name} before it started`);
      await starting.catch(() => undefined);
      await closeQuietly(server, db);
      return 0;
    }
    logger.info({ url: first.running.url }, `subgraph ${name} listening on ${first.running.url}${first.running.metricsUrl ? `, metrics on ${first.running.metricsUrl}` : ''}`);

    const signal = await stopRequested;
    log(`${signal}: stopping subgraph ${name}…`);
    await first.running.close();
    log('Stopped.');
    return 0;
  } catch (error) {
    await closeQuietly(server, db);
    if (error instanceof ConfigError) process.stderr.write(`cswb serve-subgraph: ${error.message}\n`);
    else logger.error({ error: { ...describeError(error), message: (error as Error)?.message } }, `cswb serve-subgraph: subgraph ${name} could not start`);
    return 1;
  } finally {
    process.removeListener('SIGINT', onSigint);
    process.removeListener('SIGTERM', onSigterm);
  }
}

async function closeQuietly(server: RunningSubgraph | undefined, db: DataSource | undefined): Promise<void> {
  if (server) await server.close().catch(() => {});
  else if (db?.isInitialized) await db.destroy().catch(() => {});
}
