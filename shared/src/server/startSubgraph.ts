import type { Logger } from 'typeorm';
import { DataSource } from 'typeorm';
import { createDataSource } from '../db/createDataSource';
import { ensureDatabase } from '../db/ensureDatabase';
import { buildFederatedSchema, FederatedSchema } from '../federation/buildFederatedSchema';
import { protectSchema, ProtectedField } from '../auth/protectSchema';
import { auditLogResolver } from '../audit/auditLogResolver';
import { createSectorReading } from '../readings/createIndicatorReading';
import type { TokenVerifier } from '../auth/createTokenVerifier';
import type { SyntheticCity } from '../synthetic/syntheticCity';
import type { TracingConfig } from '../config/config';
import { startTracing } from '../telemetry/startTracing';
import { tracingPlugin } from '../telemetry/tracingPlugin';
import { traceSql } from '../telemetry/traceSql';
import { runInOperationScope } from '../telemetry/operationScope';
import { createContextFactory, createSubgraphServer } from './createSubgraphServer';
import { listen, ListeningServer } from './listen';
import type { SeedReport, SubgraphDefinition } from './SubgraphDefinition';

export interface SubgraphSchema extends FederatedSchema {
  /** Fields that enforce access rules, with what they require. */
  protectedFields: ProtectedField[];
}

const schemas = new WeakMap<SubgraphDefinition<unknown>, Promise<SubgraphSchema>>();

/** The subgraph's federated schema, its access rules enforced, built once per process. */
export function subgraphSchema(definition: SubgraphDefinition<unknown>): Promise<SubgraphSchema> {
  let schema = schemas.get(definition);
  if (!schema) {
    // A sector that publishes indicators also reads them for the plans' performance measures.
    const reading =
      definition.indicators?.length && definition.rollup
        ? createSectorReading({ sector: definition.name, specs: definition.indicators, rollup: definition.rollup })
        : undefined;
    schema = buildFederatedSchema({
      // Every subgraph serves its own audit log to auditors.
      resolvers: [...definition.resolvers, auditLogResolver(definition.name), ...(reading ? [reading.resolver] : [])],
      orphanedTypes: [...(definition.orphanedTypes ?? []), ...(reading ? [reading.type] : [])],
      referenceResolvers: { ...definition.referenceResolvers, ...(reading ? { [reading.typeName]: reading.resolveReference } : {}) },
    }).then((built) => ({ ...built, protectedFields: protectSchema(built.schema) }));
    schemas.set(definition, schema);
  }
  return schema;
}

export interface PrepareDatabaseOptions {
  url: string;
  logger?: Logger;
  /** Seed deterministic synthetic data when the database holds none. */
  seed?: { city: SyntheticCity; size: 'small' | 'city'; progress?: (message: string) => void };
}

export interface PreparedDatabase {
  db: DataSource;
  seeded?: SeedReport;
}

/** Creates the database if needed, runs pending migrations and seeds an empty database. */
export async function prepareDatabase(definition: SubgraphDefinition<unknown>, options: PrepareDatabaseOptions): Promise<PreparedDatabase> {
  await ensureDatabase(options.url);
  const db = createDataSource(definition, { url: options.url, logger: options.logger });
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
    let seeded: SeedReport | undefined;
    if (options.seed && !(await definition.isSeeded(db))) {
      seeded = await definition.seed(db, options.seed);
    }
    return { db, seeded };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

export interface RunningSubgraph extends ListeningServer {
  name: string;
  db: DataSource;
}

/** Serves a subgraph over a prepared database; closing it closes the database pool too. */
export async function serveSubgraph(
  definition: SubgraphDefinition<unknown>,
  db: DataSource,
  options: {
    port: number;
    host?: string;
    verifyToken: TokenVerifier;
    gatewayUrl?: () => string | undefined;
    /** OpenTelemetry traces of its operations and their SQL (`readTracingConfig`); none when omitted. */
    tracing?: TracingConfig;
  },
): Promise<RunningSubgraph> {
  const { schema } = await subgraphSchema(definition);
  const tracing = options.tracing ? startTracing(options.tracing) : undefined;
  if (tracing) traceSql(db, tracing.tracer);
  const server = createSubgraphServer(schema, { plugins: tracing ? [tracingPlugin(tracing.tracer, definition.name)] : [] });
  const contextFor = createContextFactory(definition, db, options.gatewayUrl);
  let listening: ListeningServer;
  try {
    listening = await listen(server, {
      port: options.port,
      host: options.host,
      aroundRequest: tracing ? runInOperationScope : undefined,
      // The subgraph verifies the forwarded token itself: a header the gateway merely asserted
      // would let anyone who reaches the subgraph directly claim anything.
      context: async (request) => {
        const authorization = headerValue(request.headers.authorization);
        return contextFor(await options.verifyToken(authorization), requestIdOf(request.headers['x-request-id']), authorization);
      },
      ready: async () => {
        await db.query('SELECT 1');
        return true;
      },
    });
  } catch (error) {
    await tracing?.shutdown();
    throw error;
  }
  return {
    ...listening,
    name: definition.name,
    db,
    close: async () => {
      await listening.close();
      if (db.isInitialized) await db.destroy();
      await tracing?.shutdown();
    },
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function requestIdOf(value: string | string[] | undefined): string | undefined {
  const single = headerValue(value);
  return single && /^[A-Za-z0-9._-]{1,128}$/.test(single) ? single : undefined;
}
