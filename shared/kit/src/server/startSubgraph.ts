import type { IncomingMessage } from 'node:http';
import type { Logger } from 'typeorm';
import { DataSource } from 'typeorm';
import { createDataSource } from '../db/createDataSource';
import { seedAreaRegistry } from '../areas/seedAreaRegistry';
import { ensureDatabase } from '../db/ensureDatabase';
import { checkMeasureRollup } from '../profiles/checkMeasureRollup';
import { checkMeasureCoverage } from '../profiles/checkMeasureCoverage';
import { ApplicationRole, provisionApplicationRole } from '../db/databaseRoles';
import { buildFederatedSchema, FederatedSchema } from '../federation/buildFederatedSchema';
import { protectSchema, ProtectedField } from '@cswb/contract/auth';
import { auditLogResolver } from '../audit/auditLogResolver';
import { createSectorReading } from '../readings/createIndicatorReading';
import { CatalogueError } from '../vocabulary/indicatorCatalogue';
import { IndicatorDefinitionResolver, indicatorTextProblems } from '../vocabulary/IndicatorDefinitionResolver';
import { localizedTextProblems } from '../vocabulary/LocalizedText';
import type { SubgraphTlsMode } from '@cswb/contract/config';
import type { DeploymentCertificates } from '@cswb/contract/trust';
import { createSubgraphTrust, createServiceAssertionSigner, type AssertedRequest } from '@cswb/contract/trust';
import type { SyntheticCity } from '../synthetic/syntheticCity';
import { readOperationLimits, type OperationLimitsConfig, type TracingConfig } from '@cswb/contract/config';
import { startTracing } from '@cswb/contract/telemetry';
import { tracingPlugin } from '../telemetry/tracingPlugin';
import { traceConfirmation } from '../telemetry/traceConfirmation';
import { traceSql } from '../telemetry/traceSql';
import { runInOperationScope } from '../telemetry/operationScope';
import { SubgraphMetrics } from '../telemetry/SubgraphMetrics';
import { measureSql } from '../telemetry/measureSql';
import { metricsPlugin } from '../telemetry/metricsPlugin';
import { runInMetricsScope, runInMetricsScopeUncounted } from '../telemetry/metricsScope';
import { MetricsServer, serveMetrics } from '../telemetry/serveMetrics';
import { createContextFactory, createSubgraphServer } from './createSubgraphServer';
import { listen, ListeningServer } from './listen';
import { attachDataVersionTriggers } from '../cache/attachDataVersionTriggers';
import { ResponseCache } from '../cache/ResponseCache';
import { responseCachePlugin } from '../cache/responseCachePlugin';
import { confirmKeptAnswer } from '../cache/confirmKeptAnswer';
import type { ResponseCacheConfig } from '@cswb/contract/config';
import type { SeedReport, SubgraphDefinition } from './SubgraphDefinition';
import { defaultLogger, type Logger as HubLogger } from '@cswb/contract/logging';
import { subgraphServiceName } from '@cswb/contract/config';

export interface SubgraphSchema extends FederatedSchema {
  /** Fields that enforce access rules, with what they require. */
  protectedFields: ProtectedField[];
}

const schemas = new WeakMap<SubgraphDefinition<unknown>, Promise<SubgraphSchema>>();

/** The subgraph's federated schema, its access rules enforced, built once per process. */
export function subgraphSchema(definition: SubgraphDefinition<unknown>): Promise<SubgraphSchema> {
  let schema = schemas.get(definition);
  if (!schema) {
    // Declarations are TypeScript, but a missing French text must not reach a client as English.
    const problems = [
      ...localizedTextProblems(definition.label, `subgraph ${definition.name}'s label`),
      ...indicatorTextProblems((definition.indicators ?? []).map((spec) => spec.definition)),
    ];
    if (problems.length > 0) return Promise.reject(new CatalogueError(problems));
    // A sector that publishes indicators also reads them for the plans' performance measures.
    const reading =
      definition.indicators?.length && definition.rollup
        ? createSectorReading({ sector: definition.name, specs: definition.indicators, rollup: definition.rollup })
        : undefined;
    schema = buildFederatedSchema({
      // Every subgraph serves its own audit log to auditors, and the `language` argument of the
      // shareable IndicatorDefinition's text fields (without it, French would be answered in English).
      resolvers: [...definition.resolvers, auditLogResolver(definition.name), IndicatorDefinitionResolver, ...(reading ? [reading.resolver] : [])],
      orphanedTypes: [...(definition.orphanedTypes ?? []), ...(reading ? [reading.type] : [])],
      referenceResolvers: { ...definition.referenceResolvers, ...(reading ? { [reading.typeName]: reading.resolveReference } : {}) },
    }).then((built) => ({ ...built, protectedFields: protectSchema(built.schema) }));
    schemas.set(definition, schema);
  }
  return schema;
}

export interface PrepareDatabaseOptions {
  /** The owner's connection (the configured URL): migrations, seeding and grants run as its role. */
  url: string;
  /** An application role an operator provisioned (`<NAME>_APP_DATABASE_URL`); unset, one is made. */
  appUrl?: string;
  logger?: Logger;
  /** Where failing statements are logged (`SqlLogger`) when `logger` is not given. */
  log?: HubLogger;
  /** Seed deterministic synthetic data when the database holds none. */
  seed?: { city: SyntheticCity; size: 'small' | 'city'; progress?: (message: string) => void };
  /**
   * The role `db` connects as: `app` (default), the application role a subgraph serves with;
   * `owner` for work that needs the owner (`cswb import`, `cswb migrate`), which leaves the
   * application role's password as it is.
   */
  connectAs?: 'app' | 'owner';
}

export interface PreparedDatabase {
  db: DataSource;
  seeded?: SeedReport;
  /** The application role's name (docs/audit.md, "Database roles"). */
  appRole: string;
}

/**
 * Creates the database if needed, runs pending migrations and seeds an empty database as the
 * owner, then makes (or adopts) the application role and sets its privileges
 * (`provisionApplicationRole`), and connects as the role asked for.
 */
export async function prepareDatabase(definition: SubgraphDefinition<unknown>, options: PrepareDatabaseOptions): Promise<PreparedDatabase> {
  await ensureDatabase(options.url);
  const owner = createDataSource(definition, { url: options.url, logger: options.logger, log: options.log });
  await owner.initialize();
  let seeded: SeedReport | undefined;
  let app: ApplicationRole;
  const connectAs = options.connectAs ?? 'app';
  try {
    await owner.runMigrations({ transaction: 'each' });
    if (definition.rollup) {
      await checkMeasureRollup(owner, definition.rollup);
      await checkMeasureCoverage(owner, definition.rollup, definition.indicators ?? [], definition.importDatasets);
    }
    if (options.seed && !(await definition.isSeeded(owner))) {
      seeded = await definition.seed(owner, options.seed);
    }
    // Every subgraph's own copy of the area registry, from the same city (left alone when it holds areas).
    if (options.seed) await seedAreaRegistry(owner, options.seed.city);
    await attachDataVersionTriggers(owner);
    app = await provisionApplicationRole({ ownerUrl: options.url, appUrl: options.appUrl, writes: definition.writes ?? [], connect: connectAs === 'app' });
  } catch (error) {
    await owner.destroy();
    throw error;
  }
  if (connectAs === 'owner') return { db: owner, seeded, appRole: app.role };
  await owner.destroy();
  const db = createDataSource(definition, { url: app.url!, logger: options.logger, log: options.log });
  await db.initialize();
  return { db, seeded, appRole: app.role };
}

/** How long readiness waits for the database's `SELECT 1`. */
const READINESS_DATABASE_TIMEOUT_MS = 1000;

export interface RunningSubgraph extends ListeningServer {
  name: string;
  db: DataSource;
  /** Its cache of aggregate answers, when one is configured. */
  responseCache?: ResponseCache;
  /** Where it serves `GET /metrics`, when it does (`metricsPort`). */
  metricsUrl?: string;
}

/** The request inside `outer` (tracing), inside the subgraph's metrics scope when it has metrics. */
function aroundRequest(outer: (<T>(execute: () => Promise<T>) => Promise<T>) | undefined, metrics: SubgraphMetrics | undefined) {
  if (!metrics) return outer;
  return <T>(execute: () => Promise<T>): Promise<T> => runInMetricsScope(metrics, outer ? () => outer(execute) : execute);
}

/** Counts a request `admit` refuses, by its code. */
async function countRefusals<T>(metrics: SubgraphMetrics, admit: () => Promise<T>): Promise<T> {
  try {
    return await admit();
  } catch (error) {
    const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
    metrics.requests.inc({ outcome: 'refused' });
    metrics.refusals.inc({ code: typeof code === 'string' ? code : 'UNKNOWN' });
    throw error;
  }
}

/** Serves a subgraph over a prepared database; closing it closes the database pool too. */
export async function serveSubgraph(
  definition: SubgraphDefinition<unknown>,
  db: DataSource,
  options: {
    port: number;
    host?: string;
    /** Who may call it: the deployment's certificates, and whether TLS is mutual here or terminated in front. */
    trust: { certificates: DeploymentCertificates; tls: SubgraphTlsMode; assertionTtlSeconds: number };
    gatewayUrl?: () => string | undefined;
    /** OpenTelemetry traces of its operations and their SQL (`readTracingConfig`); none when omitted. */
    tracing?: TracingConfig;
    /** Entity representations it resolves per request (`readSubgraphLimits`: MAX_REPRESENTATIONS); default from the process environment. */
    maxRepresentations?: number;
    /** Operation limits and execution budget (`readOperationLimits`); default from the process environment. */
    operationLimits?: OperationLimitsConfig;
    /** `SHUTDOWN_GRACE_MS` (`readShutdownGraceMs`): in-flight requests' time to finish on close. */
    shutdownGraceMs?: number;
    /** Its cache of aggregate answers (`readResponseCacheConfig`); none when omitted. */
    responseCache?: ResponseCacheConfig;
    /** Serve `GET /metrics` over plain HTTP on this port (`readSubgraphMetricsPort`), on `host`; no metrics when omitted. */
    metricsPort?: number;
    /** The process's logger (`createLogger`): its lines here name the subgraph's service; default JSON lines on stdout at info. */
    log?: HubLogger;
  },
): Promise<RunningSubgraph> {
  const service = options.tracing?.serviceName ?? subgraphServiceName(definition.name);
  const log = options.log ? options.log.child({ service }) : defaultLogger(service);
  const { schema, protectedFields } = await subgraphSchema(definition);
  const responseCache = options.responseCache ? new ResponseCache(options.responseCache) : undefined;
  const tracing = options.tracing ? startTracing(options.tracing) : undefined;
  if (tracing) traceSql(db, tracing.tracer);
  const operationLimits = options.operationLimits ?? readOperationLimits(process.env);
  const metrics = options.metricsPort !== undefined ? new SubgraphMetrics(definition.name) : undefined;
  if (metrics) measureSql(db);
  const server = createSubgraphServer(schema, {
    plugins: [
      ...(metrics ? [metricsPlugin()] : []),
      ...(tracing ? [tracingPlugin(tracing.tracer, definition.name)] : []),
      ...(responseCache ? [responseCachePlugin({ cache: responseCache, requirements: new Map(protectedFields.map((f) => [f.coordinate, f.requirements])) })] : []),
    ],
    maxRepresentations: options.maxRepresentations,
    operationLimits,
    log,
  });
  const trust = createSubgraphTrust({ name: definition.name, certificates: options.trust.certificates, tls: options.trust.tls, assertionTtlSeconds: options.trust.assertionTtlSeconds });
  const signServiceRequest = createServiceAssertionSigner(options.trust.certificates.member(definition.name));
  const contextFor = createContextFactory(definition, db, options.gatewayUrl, signServiceRequest, log);
  const traced = tracing ? traceConfirmation(tracing.tracer, definition.name) : (_request: IncomingMessage, _asserted: AssertedRequest, confirm: () => Promise<boolean>) => confirm();
  let listening: ListeningServer;
  try {
    listening = await listen(server, {
      port: options.port,
      host: options.host,
      tls: trust.serverOptions,
      aroundRequest: aroundRequest(tracing ? runInOperationScope : undefined, metrics),
      executionBudgetMs: operationLimits.executionBudgetMs,
      // Nothing runs for a caller that is not the gateway; who is asking, the request id and the
      // operation name come from the gateway's verified assertion only (docs/security.md).
      admit: metrics ? (request, body, kind) => countRefusals(metrics, () => trust.admit(request, body, kind)) : (request, body, kind) => trust.admit(request, body, kind),
      context: (request, asserted) => contextFor(asserted, request.headers.traceparent),
      // The gateway's answer cache: yes or no, audited as a cache hit (docs/operations.md, "Response cache").
      // Only what its audit entry needs: no loaders, no request logger.
      confirm: responseCache
        ? (request, asserted, body) => {
            const confirm = () => confirmKeptAnswer(responseCache, { db, caller: asserted.caller, requestId: asserted.requestId, operationName: asserted.operationName ?? null }, body);
            const counted = metrics ? () => runInMetricsScopeUncounted(metrics, confirm) : confirm;
            return traced(request, asserted, counted);
          }
        : undefined,
      log,
      requestIdOf: (asserted) => asserted.requestId,
      shutdownGraceMs: options.shutdownGraceMs,
      // A subgraph whose database does not answer cannot serve: not ready (docs/operations.md, "Faults").
      ready: async () => {
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`database: no answer within ${READINESS_DATABASE_TIMEOUT_MS} ms`)), READINESS_DATABASE_TIMEOUT_MS)));
        try {
          await Promise.race([db.query('SELECT 1'), timedOut]);
        } catch (error) {
          throw new Error((error as Error).message.startsWith('database:') ? (error as Error).message : `database: ${(error as Error).message}`);
        } finally {
          clearTimeout(timer);
        }
        return true;
      },
    });
  } catch (error) {
    await tracing?.shutdown();
    throw error;
  }
  let metricsServer: MetricsServer | undefined;
  try {
    metricsServer = metrics && (await serveMetrics(metrics.registry, { port: options.metricsPort!, host: options.host }));
  } catch (error) {
    await listening.close();
    await tracing?.shutdown();
    throw error;
  }
  return {
    ...listening,
    name: definition.name,
    db,
    responseCache,
    metricsUrl: metricsServer?.url,
    close: async () => {
      await metricsServer?.close();
      await listening.close();
      if (db.isInitialized) await db.destroy();
      await tracing?.shutdown();
    },
  };
}

