/**
 * Every setting the hub reads from the environment, read here and nowhere else.
 * Each reader validates up front and throws ConfigError with the variable's name.
 */
import * as path from 'node:path';
import { ConfigError } from './ConfigError';
import {
  Env,
  readBoolean,
  readEnum,
  readHttpUrl,
  readNonNegativeInt,
  readPort,
  readPositiveInt,
  readPostgresUrl,
  readRatio,
  readString,
  readRedisUrl,
} from './readEnv';

/**
 * Representations a subgraph resolves per request, over all its `_entities` fields
 * (`MAX_REPRESENTATIONS`). The gateway's largest plan for the seeded `city` sends 184 areas
 * (158 neighbourhoods, 25 wards, the municipality) to a sector at once; the default leaves
 * room for several such lists in one operation.
 */
export const DEFAULT_MAX_REPRESENTATIONS = 1000;

/** What a subgraph accepts per request, read when it starts: a bad value stops it with the variable's name. */
export interface SubgraphLimitsConfig {
  maxRepresentations: number;
}

export function readSubgraphLimits(env: Env): SubgraphLimitsConfig {
  return { maxRepresentations: readPositiveInt(env, 'MAX_REPRESENTATIONS', DEFAULT_MAX_REPRESENTATIONS) };
}

/**
 * A subgraph's cache of aggregate answers (docs/operations.md, "Response cache"): its budget in
 * MiB (`RESPONSE_CACHE_MB`, 0 turns it off) and how long an answer is served at most
 * (`RESPONSE_CACHE_TTL_SECONDS`) even when the sector's data has not changed.
 */
export interface ResponseCacheConfig {
  maxBytes: number;
  ttlMs: number;
}

export function readResponseCacheConfig(env: Env): ResponseCacheConfig | undefined {
  return readCacheConfig(env, 'RESPONSE_CACHE_MB');
}

/** A cache's budget in MiB from `budgetVariable` (default 64, 0 turns it off), its answers' life from `RESPONSE_CACHE_TTL_SECONDS`. */
function readCacheConfig(env: Env, budgetVariable: string): ResponseCacheConfig | undefined {
  const megabytes = readNonNegativeInt(env, budgetVariable, 64);
  const ttlSeconds = readPositiveInt(env, 'RESPONSE_CACHE_TTL_SECONDS', 300);
  return megabytes === 0 ? undefined : { maxBytes: megabytes * 1024 * 1024, ttlMs: ttlSeconds * 1000 };
}

export const SEED_SIZES = ['none', 'small', 'city'] as const;
export type SeedSize = (typeof SEED_SIZES)[number];

/** The environment variable prefix of a subgraph: `social-services` → `SOCIAL_SERVICES`. */
export function envPrefix(subgraphName: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(subgraphName)) {
    throw new ConfigError('subgraph name', `"${subgraphName}" must be lower-case letters, digits and dashes`);
  }
  return subgraphName.toUpperCase().replace(/-/g, '_');
}

export function databaseNameFor(subgraphName: string): string {
  return `cswb_${envPrefix(subgraphName).toLowerCase()}`;
}

/**
 * Where a subgraph's database is: `<NAME>_DATABASE_URL` verbatim, else the server of
 * `DATABASE_URL` with the subgraph's own database `cswb_<name>`, else the same database
 * on the embedded server (when one is running).
 */
export function databaseUrlFor(subgraphName: string, env: Env, embeddedServerUrl?: string): string {
  const own = readPostgresUrl(env, `${envPrefix(subgraphName)}_DATABASE_URL`);
  if (own) return own.toString();
  const server = readPostgresUrl(env, 'DATABASE_URL') ?? (embeddedServerUrl ? new URL(embeddedServerUrl) : undefined);
  if (!server) {
    throw new ConfigError(
      `${envPrefix(subgraphName)}_DATABASE_URL`,
      'is not set, nor is DATABASE_URL, and no embedded PostgreSQL is running',
    );
  }
  const url = new URL(server.toString());
  url.pathname = `/${databaseNameFor(subgraphName)}`;
  return url.toString();
}

/**
 * The role a subgraph serves with, when an operator provisioned it: `<NAME>_APP_DATABASE_URL`, a
 * URL of the same database as `databaseUrlFor` under another role (docs/audit.md, "Database
 * roles"). Unset: the subgraph makes its own application role with the configured (owner) URL.
 */
export function appDatabaseUrlFor(subgraphName: string, env: Env, embeddedServerUrl?: string): string | undefined {
  const variable = `${envPrefix(subgraphName)}_APP_DATABASE_URL`;
  const app = readPostgresUrl(env, variable);
  if (!app) return undefined;
  const owner = new URL(databaseUrlFor(subgraphName, env, embeddedServerUrl));
  if (app.pathname !== owner.pathname || app.host !== owner.host) {
    throw new ConfigError(variable, `must name the same server and database as the owner's URL (${owner.host}${owner.pathname}), got ${app.host}${app.pathname}`);
  }
  if (!app.username || decodeURIComponent(app.username) === decodeURIComponent(owner.username)) {
    throw new ConfigError(variable, `must name a role of its own, not the owner's ("${decodeURIComponent(owner.username)}")`);
  }
  return app.toString();
}

/**
 * The key that signs audit checkpoints kept outside the database (`cswb audit verify
 * --checkpoints`): `AUDIT_CHECKPOINT_KEY`, at least 32 characters; unset, a key file in the
 * checkpoint folder.
 */
export function readAuditCheckpointKey(env: Env): Buffer | undefined {
  const raw = readString(env, 'AUDIT_CHECKPOINT_KEY');
  if (raw === undefined) return undefined;
  if (raw.length < 32) throw new ConfigError('AUDIT_CHECKPOINT_KEY', `must be at least 32 characters, got ${raw.length}`);
  return Buffer.from(raw, 'utf8');
}

/** True when the stack must start its own PostgreSQL: no external database is configured. */
export function usesEmbeddedPostgres(env: Env, subgraphNames: readonly string[]): boolean {
  if (readPostgresUrl(env, 'DATABASE_URL')) return false;
  return subgraphNames.some((name) => !readPostgresUrl(env, `${envPrefix(name)}_DATABASE_URL`));
}

export interface EmbeddedPostgresConfig {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
}

export function readEmbeddedPostgresConfig(env: Env, projectRoot: string): EmbeddedPostgresConfig {
  return {
    dataDir: path.resolve(projectRoot, readString(env, 'CSWB_DATA_DIR', '.data'), 'postgres'),
    port: readPort(env, 'EMBEDDED_POSTGRES_PORT', 0),
  };
}

/**
 * How far past what survives a full garbage collection V8 lets the heap of a process serving
 * subgraphs (`npm start`'s, `cswb serve-subgraph`) grow before the next one
 * (`SUBGRAPHS_HEAP_GROWING_PERCENT`; 0: V8's own factor, up to 4×).
 */
export function readSubgraphsHeapGrowingPercent(env: Env): number {
  return readNonNegativeInt(env, 'SUBGRAPHS_HEAP_GROWING_PERCENT', 200);
}

export interface SubgraphServerConfig {
  name: string;
  port: number;
  databaseUrl: string;
  /** `<NAME>_APP_DATABASE_URL`: the application role an operator provisioned; unset, the subgraph makes one. */
  appDatabaseUrl?: string;
}

/** A subgraph run on its own (one container per agency): `PORT` or `<NAME>_PORT`. */
export function readSubgraphServerConfig(
  subgraphName: string,
  defaultPort: number,
  env: Env,
  embeddedServerUrl?: string,
): SubgraphServerConfig {
  const prefix = envPrefix(subgraphName);
  return {
    name: subgraphName,
    port: readPort(env, `${prefix}_PORT`, readPort(env, 'PORT', defaultPort)),
    databaseUrl: databaseUrlFor(subgraphName, env, embeddedServerUrl),
    appDatabaseUrl: appDatabaseUrlFor(subgraphName, env, embeddedServerUrl),
  };
}

/**
 * The port a subgraph serves `GET /metrics` on, over plain HTTP (docs/operations.md, "Metrics"):
 * `<NAME>_METRICS_PORT`, else `METRICS_PORT` when the process runs this subgraph alone
 * (`alone`; not for `npm start`, where the subgraphs share a process); none when unset.
 */
export function readSubgraphMetricsPort(subgraphName: string, env: Env, options: { alone: boolean }): number | undefined {
  const NONE = -1;
  const port = readPort(env, `${envPrefix(subgraphName)}_METRICS_PORT`, options.alone ? readPort(env, 'METRICS_PORT', NONE) : NONE);
  return port === NONE ? undefined : port;
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** How every service of the process logs (docs/operations.md, "Logs"). */
export interface LogConfig {
  /** `LOG_LEVEL`, default `info`. */
  level: LogLevel;
  /** `LOG_FORMAT`; unset: `pretty` on a terminal, `json` otherwise (a container, a pipe, a file). */
  format: LogFormat;
  /** Colours in the pretty format: only on a terminal, and never with `NO_COLOR` set (no-color.org). */
  color: boolean;
}

export function readLogLevel(env: Env): LogLevel {
  return readEnum(env, 'LOG_LEVEL', LOG_LEVELS, 'info');
}

/** `stdoutIsTerminal`: `process.stdout.isTTY` of the process that logs. */
export function readLogConfig(env: Env, stdoutIsTerminal: boolean): LogConfig {
  const format = readEnum(env, 'LOG_FORMAT', LOG_FORMATS, stdoutIsTerminal ? 'pretty' : 'json');
  return { level: readLogLevel(env), format, color: stdoutIsTerminal && readString(env, 'NO_COLOR') === undefined };
}

export const START_LAYOUTS = ['split', 'single'] as const;
/** How `cswb start` runs the hub: `split`, the gateway in a process of its own; `single`, everything in one (docs/operations.md). */
export type StartLayout = (typeof START_LAYOUTS)[number];

export function readStartLayout(env: Env): StartLayout {
  return readEnum(env, 'START_LAYOUT', START_LAYOUTS, 'split');
}

/** Where a subgraph run on its own finds the gateway (`GATEWAY_URL`), for cross-sector reads. */
export function readGatewayUrl(env: Env): string | undefined {
  return readHttpUrl(env, 'GATEWAY_URL')?.toString();
}

export interface GatewayConfig {
  port: number;
  host: string;
  supergraphPath: string;
  /** Subgraph URL overrides, `<NAME>_URL`; subgraphs not named here use the supergraph's URL. */
  subgraphUrls: Record<string, string>;
  /** Read by the gateway runtime's logger too, so it takes the runtime's values. */
  logLevel: LogLevel;
  /** Operation limits, checked before planning; 0 turns one off. */
  limits: OperationLimitsConfig;
  /** Milliseconds the gateway waits for one subgraph fetch: `SUBGRAPH_TIMEOUT_MS`, `<NAME>_TIMEOUT_MS`. */
  subgraphTimeoutMs: number;
  subgraphTimeouts: Record<string, number>;
  /** Fault handling for subgraph fetches (docs/operations.md, "Faults"). */
  resilience: ResilienceConfig;
  /** Milliseconds in-flight requests get to finish on shutdown before their sockets are closed (`SHUTDOWN_GRACE_MS`). */
  shutdownGraceMs: number;
  persistedDocuments: PersistedDocumentsConfig;
  /** Origins allowed to call the gateway from a browser (`CORS_ORIGINS`); empty: no CORS headers. */
  corsOrigins: string[];
  /** Requests per client per minute (`RATE_LIMIT_PER_MINUTE`); 0: unlimited. */
  rateLimitPerMinute: number;
  /** Redis shared by gateway replicas for rate-limit windows (`RATE_LIMIT_REDIS_URL`); unset: in memory. */
  rateLimitRedisUrl?: string;
  /** The gateway's answer cache (`ANSWER_CACHE_MB`, 0 turns it off; `RESPONSE_CACHE_TTL_SECONDS`). */
  answerCache?: ResponseCacheConfig;
  /** The built planner's web app served at / (`WEB_APP_DIR`, default web/dist; `WEB_APP=off` serves none). */
  webAppDir?: string;
  /** The offline GraphQL IDE on GET /graphql in a browser (`GRAPHIQL=on|off`). */
  graphiql: boolean;
  /** Largest GraphQL request body the gateway reads (`MAX_REQUEST_BODY_BYTES`); larger ones are refused with 413. */
  maxRequestBodyBytes: number;
  /** OpenTelemetry traces, service `cswb-gateway` unless OTEL_SERVICE_NAME says otherwise; off when undefined. */
  tracing?: TracingConfig;
  /**
   * How far past what survives a full garbage collection V8 lets the gateway process's heap grow
   * before the next one (`GATEWAY_HEAP_GROWING_PERCENT`; 0: V8's own factor, up to 4×).
   */
  heapGrowingPercent: number;
}

/**
 * What one operation may ask, checked by the gateway and by every subgraph before validation
 * (shared/contract/src/limits, docs/operations.md); each limit at 0 is off.
 */
export interface ResilienceConfig {
  /** The whole request's budget (`REQUEST_TIMEOUT_MS`): each subgraph fetch gets what remains, capped by its own timeout. */
  requestTimeoutMs: number;
  /** Consecutive failures or timeouts that open a subgraph's circuit (`CIRCUIT_BREAKER_FAILURES`); 0 turns the breaker off. */
  breakerFailures: number;
  /** Milliseconds an open circuit waits before letting one probe through (`CIRCUIT_BREAKER_COOLDOWN_MS`). */
  breakerCooldownMs: number;
}

/** `SHUTDOWN_GRACE_MS`: how long gateway and subgraphs let in-flight requests finish when stopping. */
export function readShutdownGraceMs(env: Env): number {
  return readPositiveInt(env, 'SHUTDOWN_GRACE_MS', 10000);
}

export interface OperationLimitsConfig {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  /** The assumed length of every list when estimating cost. */
  listSize: number;
  maxRootFields: number;
  maxDirectives: number;
  /** Fields selected once fragments are expanded: what validation and the query planner walk. */
  maxFields: number;
  /** Milliseconds a subgraph spends on one request before answering EXECUTION_BUDGET_EXCEEDED. */
  executionBudgetMs: number;
}

/** The operation limits from the environment, the same variables for the gateway and the subgraphs. */
export function readOperationLimits(env: Env): OperationLimitsConfig {
  return {
    maxDepth: readNonNegativeInt(env, 'MAX_DEPTH', 12),
    maxAliases: readNonNegativeInt(env, 'MAX_ALIASES', 100),
    maxTokens: readNonNegativeInt(env, 'MAX_TOKENS', 2000),
    maxCost: readNonNegativeInt(env, 'MAX_COST', 100000),
    listSize: readPositiveInt(env, 'COST_LIST_SIZE', 10),
    maxRootFields: readNonNegativeInt(env, 'MAX_ROOT_FIELDS', 30),
    maxDirectives: readNonNegativeInt(env, 'MAX_DIRECTIVES', 50),
    maxFields: readNonNegativeInt(env, 'MAX_FIELDS', 500),
    executionBudgetMs: readNonNegativeInt(env, 'EXECUTION_BUDGET_MS', 8000),
  };
}

export const PERSISTED_DOCUMENTS_MODES = ['off', 'allow', 'only-anonymous', 'only'] as const;
export type PersistedDocumentsMode = (typeof PERSISTED_DOCUMENTS_MODES)[number];

export interface PersistedDocumentsConfig {
  /** off: ignored; allow: by hash or text for all; only-anonymous: anonymous callers by hash only; only: everyone by hash only. */
  mode: PersistedDocumentsMode;
  /** The hub's own manifest (its documented queries): a JSON object of sha256 hash → document. */
  path: string;
  /**
   * Dashboards' manifests, registered by `cswb persisted add` (`PERSISTED_DOCUMENTS_DIR`): every
   * `*.json` in it is served beside the hub's own; a missing directory registers nothing.
   */
  registeredDir: string;
}

function readCorsOrigins(env: Env): string[] {
  const raw = readString(env, 'CORS_ORIGINS');
  if (raw === undefined) return [];
  const origins = raw.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    if (origin === '*') continue;
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin) {
      throw new ConfigError('CORS_ORIGINS', `must be * or comma-separated origins like https://dashboard.example.org, got "${origin}"`);
    }
  }
  return origins;
}

export function readGatewayConfig(env: Env, subgraphNames: readonly string[], defaultSupergraphPath: string): GatewayConfig {
  const subgraphUrls: Record<string, string> = {};
  for (const name of subgraphNames) {
    const url = readHttpUrl(env, `${envPrefix(name)}_URL`);
    if (url) subgraphUrls[name] = url.toString();
  }
  return {
    port: readPort(env, 'PORT', 4000),
    host: readString(env, 'HOST', '127.0.0.1'),
    supergraphPath: path.resolve(readString(env, 'SUPERGRAPH_PATH', defaultSupergraphPath)),
    subgraphUrls,
    logLevel: readLogLevel(env),
    limits: readOperationLimits(env),
    subgraphTimeoutMs: readPositiveInt(env, 'SUBGRAPH_TIMEOUT_MS', 10000),
    subgraphTimeouts: Object.fromEntries(
      subgraphNames.flatMap((name) => {
        const variable = `${envPrefix(name)}_TIMEOUT_MS`;
        return readString(env, variable) === undefined ? [] : [[name, readPositiveInt(env, variable, 0)]];
      }),
    ),
    resilience: {
      requestTimeoutMs: readPositiveInt(env, 'REQUEST_TIMEOUT_MS', 15000),
      breakerFailures: readNonNegativeInt(env, 'CIRCUIT_BREAKER_FAILURES', 5),
      breakerCooldownMs: readPositiveInt(env, 'CIRCUIT_BREAKER_COOLDOWN_MS', 10000),
    },
    shutdownGraceMs: readShutdownGraceMs(env),
    persistedDocuments: {
      mode: readEnum(env, 'PERSISTED_DOCUMENTS', PERSISTED_DOCUMENTS_MODES, 'allow'),
      path: path.resolve(readString(env, 'PERSISTED_DOCUMENTS_PATH', path.join(path.dirname(defaultSupergraphPath), 'persisted-documents.json'))),
      registeredDir: path.resolve(readString(env, 'PERSISTED_DOCUMENTS_DIR', path.join(path.dirname(defaultSupergraphPath), '..', 'registered-documents'))),
    },
    corsOrigins: readCorsOrigins(env),
    rateLimitPerMinute: readNonNegativeInt(env, 'RATE_LIMIT_PER_MINUTE', 600),
    rateLimitRedisUrl: readRedisUrl(env, 'RATE_LIMIT_REDIS_URL')?.toString(),
    answerCache: readCacheConfig(env, 'ANSWER_CACHE_MB'),
    webAppDir:
      readEnum(env, 'WEB_APP', ['on', 'off'] as const, 'on') === 'on'
        ? path.resolve(readString(env, 'WEB_APP_DIR', path.join(path.dirname(defaultSupergraphPath), '..', '..', 'web', 'dist')))
        : undefined,
    graphiql: readEnum(env, 'GRAPHIQL', ['on', 'off'] as const, 'on') === 'on',
    maxRequestBodyBytes: readPositiveInt(env, 'MAX_REQUEST_BODY_BYTES', 1_000_000),
    tracing: readTracingConfig(env, GATEWAY_SERVICE_NAME),
    heapGrowingPercent: readNonNegativeInt(env, 'GATEWAY_HEAP_GROWING_PERCENT', 100),
  };
}

export const GATEWAY_SERVICE_NAME = 'cswb-gateway';

/** The service name a subgraph's spans carry unless OTEL_SERVICE_NAME is set: `cswb-<name>`. */
export function subgraphServiceName(subgraphName: string): string {
  return `cswb-${subgraphName}`;
}

export interface TracingConfig {
  /** The OTLP/HTTP traces URL spans are POSTed to (JSON). */
  endpoint: string;
  serviceName: string;
  /** The share of new traces recorded; a request that arrives with a trace follows its caller's choice. */
  sampleRatio: number;
  /** Milliseconds between two exports of buffered spans. */
  batchDelayMs: number;
  /** Milliseconds one export may take; also bounds the flush when a service closes. */
  exportTimeoutMs: number;
}

/**
 * OpenTelemetry tracing from the standard variables: on when `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`
 * (used as is) or `OTEL_EXPORTER_OTLP_ENDPOINT` (+ `/v1/traces`) is set and `OTEL_SDK_DISABLED`
 * is not `true`. `OTEL_SERVICE_NAME`, when set, names every service of the process; unset,
 * each service keeps its own name (`defaultServiceName`).
 */
export function readTracingConfig(env: Env, defaultServiceName: string): TracingConfig | undefined {
  const disabled = readBoolean(env, 'OTEL_SDK_DISABLED', false);
  const tracesEndpoint = readHttpUrl(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const baseEndpoint = readHttpUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  const config = {
    serviceName: readString(env, 'OTEL_SERVICE_NAME', defaultServiceName),
    sampleRatio: readRatio(env, 'OTEL_TRACES_SAMPLER_ARG', 1),
    batchDelayMs: readPositiveInt(env, 'OTEL_BSP_SCHEDULE_DELAY', 5000),
    exportTimeoutMs: readPositiveInt(env, 'OTEL_EXPORTER_OTLP_TRACES_TIMEOUT', readPositiveInt(env, 'OTEL_EXPORTER_OTLP_TIMEOUT', 10000)),
  };
  if (disabled) return undefined;
  if (tracesEndpoint) return { endpoint: tracesEndpoint.toString(), ...config };
  if (baseEndpoint) return { endpoint: `${baseEndpoint.toString().replace(/\/$/, '')}/v1/traces`, ...config };
  return undefined;
}

export interface StackConfig {
  gateway: GatewayConfig;
  seedSize: SeedSize;
  seed: number;
  embedded: EmbeddedPostgresConfig;
}

export function readSeedSize(env: Env): SeedSize {
  return readEnum(env, 'SEED_SIZE', SEED_SIZES, 'small');
}

export function readSeed(env: Env): number {
  const raw = readString(env, 'SEED');
  if (raw === undefined) return 20190101;
  if (!/^\d+$/.test(raw)) throw new ConfigError('SEED', `must be a whole number, got "${raw}"`);
  return Number(raw);
}

export const SUBGRAPH_TLS_MODES = ['mutual', 'off'] as const;
export type SubgraphTlsMode = (typeof SUBGRAPH_TLS_MODES)[number];
export const MAX_ASSERTION_TTL_SECONDS = 300;

/** The trust boundary between the gateway and the subgraphs (docs/security.md). */
export interface TrustConfig {
  /** The deployment CA and its members' certificates (`HUB_CERTS_DIR`, default `<CSWB_DATA_DIR>/certs`). */
  certsDir: string;
  /**
   * `mutual`: subgraphs serve HTTPS and answer only the gateway's client certificate; `off`: TLS is
   * terminated in front of them (a mesh or load balancer) and the signed assertion alone holds the line.
   */
  subgraphTls: SubgraphTlsMode;
  /** Life of the gateway's per-request assertion (`GATEWAY_ASSERTION_TTL_SECONDS`). */
  assertionTtlSeconds: number;
  /** Extra host names written into certificates made by the hub (`HUB_CERT_HOSTS`, comma-separated). */
  certificateHosts: string[];
}

export function readTrustConfig(env: Env, projectRoot: string): TrustConfig {
  const ttl = readPositiveInt(env, 'GATEWAY_ASSERTION_TTL_SECONDS', 30);
  if (ttl > MAX_ASSERTION_TTL_SECONDS) throw new ConfigError('GATEWAY_ASSERTION_TTL_SECONDS', `must be at most ${MAX_ASSERTION_TTL_SECONDS}`);
  const hosts = (readString(env, 'HUB_CERT_HOSTS') ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  const invalid = hosts.find((h) => !/^[A-Za-z0-9.-]{1,253}$/.test(h));
  if (invalid) throw new ConfigError('HUB_CERT_HOSTS', `"${invalid}" is not a host name`);
  const dataDir = path.resolve(projectRoot, readString(env, 'CSWB_DATA_DIR', '.data'));
  return {
    certsDir: path.resolve(projectRoot, readString(env, 'HUB_CERTS_DIR') ?? path.join(dataDir, 'certs')),
    subgraphTls: readEnum(env, 'SUBGRAPH_TLS', SUBGRAPH_TLS_MODES, 'mutual'),
    assertionTtlSeconds: ttl,
    certificateHosts: hosts,
  };
}
