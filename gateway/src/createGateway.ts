import { createGatewayRuntime, GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { Caller, ErrorCode, TokenVerifier, type OperationLimitsConfig, type PersistedDocumentsMode, type Tracing } from '@cswb/shared';
import { useOpenTelemetry } from '@graphql-hive/plugin-opentelemetry';
import { trace } from '@graphql-hive/plugin-opentelemetry/api';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { useFieldAccessRules } from './plugins/useFieldAccessRules';
import { useNullForDeniedFields } from './plugins/useNullForDeniedFields';
import { RequestLogEntry, useRequestLog } from './plugins/useRequestLog';
import { useOperationLimits } from './plugins/useOperationLimits';
import { useMetrics } from './plugins/useMetrics';
import { useSubgraphResilience } from './plugins/useSubgraphResilience';
import { RateLimiter, useRateLimit } from './plugins/useRateLimit';
import type { RateLimitStore } from './RateLimitStore';
import type { GatewayMetrics } from './metrics';
import type { SubgraphEndpoint } from './subgraphEndpoints';

export interface GatewayOperationsOptions {
  limits?: OperationLimitsConfig;
  /** Milliseconds per subgraph fetch. */
  subgraphTimeoutMs?: (subgraphName: string) => number;
  persistedDocuments?: { mode: PersistedDocumentsMode; documents: ReadonlyMap<string, string> };
  corsOrigins?: readonly string[];
  rateLimitPerMinute?: number;
  /** Where rate-limit windows are counted; this process's memory when omitted. */
  rateLimitStore?: RateLimitStore;
  metrics?: GatewayMetrics;
  /** The offline GraphQL IDE, with these queries open in tabs; no IDE when omitted. */
  ide?: { tabs: { query: string }[] };
  /**
   * false: every subgraph request is sent, even when an identical one is in flight (the runtime
   * merges those by default); `cswb bench` turns it off to compare gateways on equal work.
   */
  deduplicateInflightRequests?: boolean;
}

export interface GatewayOptions {
  supergraphSdl: string;
  subgraphs: readonly SubgraphEndpoint[];
  verifyToken: TokenVerifier;
  /** A level, or false for no logs at all. */
  logging?: false | 'trace' | 'debug' | 'info' | 'warn' | 'error';
  /** Where the per-request JSON log lines go; none when omitted. */
  requestLog?: (entry: RequestLogEntry) => void;
  operations?: GatewayOperationsOptions;
  /**
   * OpenTelemetry spans for each request, its GraphQL phases and subgraph fetches, with `traceparent`
   * sent to every subgraph. Hive's plugin uses the global provider and propagator: register
   * this one first (`registerGlobalTracing`).
   */
  tracing?: Tracing;
}

/** The hash a client sends: GraphQL-over-HTTP `documentId` (optionally `sha256:`-prefixed) or Apollo's `persistedQuery`. */
function persistedDocumentId(params: { extensions?: Record<string, any> } & Record<string, any>): string | null {
  const id = typeof params.documentId === 'string' ? params.documentId : params.extensions?.persistedQuery?.sha256Hash;
  return typeof id === 'string' ? id.replace(/^sha256:/, '') : null;
}

/**
 * The Hive Gateway runtime over a supergraph composed offline, with the Rust query planner,
 * enforcing the supergraph's `@authenticated`, `@requiresScopes` and `@policy` before planning:
 * a field the caller may not read comes back null with UNAUTHORIZED_FIELD_OR_TYPE at its path,
 * its subgraph is not asked for it, and the rest is served (HTTP 200). A token that does not
 * verify refuses the whole request (HTTP 401). Built here, listening elsewhere (`serveGateway`).
 */
export function createGateway(options: GatewayOptions): GatewayRuntime {
  const ops = options.operations ?? {};
  const transportEntries = {
    ...Object.fromEntries(options.subgraphs.map((s) => [s.name, { location: s.url }])),
    ...(ops.deduplicateInflightRequests === false ? { '*.http': { options: { deduplicateInflightRequests: false } } } : {}),
  };
  const persisted = ops.persistedDocuments && ops.persistedDocuments.mode !== 'off' ? ops.persistedDocuments : undefined;
  const cors = ops.corsOrigins ?? [];
  // Auth, rate limiting and persisted documents each need the caller: verify once per request.
  const callers = new WeakMap<Request, Promise<Caller>>();
  const callerOf = (request: Request): Promise<Caller> => {
    let caller = callers.get(request);
    if (!caller) {
      caller = options.verifyToken(request.headers.get('authorization'));
      callers.set(request, caller);
    }
    return caller;
  };
  const isAuthenticated = async (request: Request) => {
    try {
      return !(await callerOf(request)).anonymous;
    } catch {
      return true; // a token that does not verify is refused by the auth plugin with 401
    }
  };
  return createGatewayRuntime({
    supergraph: options.supergraphSdl,
    unifiedGraphHandler,
    transports: { http: httpTransport },
    transportEntries,
    logging: options.logging ?? 'info',
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthcheck',
    // /readiness is answered by serveGateway, which checks every subgraph.
    readinessCheckEndpoint: '/_runtime/readiness',
    landingPage: false,
    // Bundled, not from a CDN: the IDE works on a machine without internet.
    graphiql: ops.ide ? { title: 'cswb-hub', defaultTabs: ops.ide.tabs, defaultQuery: ops.ide.tabs[0]?.query } : false,
    renderGraphiQL,
    cors:
      cors.length === 0
        ? false
        : {
            origin: cors.includes('*') ? '*' : [...cors],
            methods: ['GET', 'POST', 'OPTIONS'],
            allowedHeaders: ['content-type', 'authorization', 'x-request-id'],
            exposedHeaders: ['x-request-id', 'retry-after'],
            maxAge: 600,
          },
    ...(persisted
      ? {
          persistedDocuments: {
            getPersistedOperation: (key: string) => persisted.documents.get(key) ?? null,
            extractPersistedOperationId: persistedDocumentId,
            allowArbitraryDocuments: persisted.mode === 'allow' ? true : persisted.mode === 'only' ? false : isAuthenticated,
            customErrors: {
              notFound: { message: 'No persisted document has this hash', extensions: { code: ErrorCode.PERSISTED_QUERY_NOT_FOUND } },
              persistedQueryOnly: {
                message:
                  persisted.mode === 'only'
                    ? 'Only persisted documents may be run: send documentId (its sha256 hash) instead of the query'
                    : 'Anonymous callers may only run persisted documents: send documentId (its sha256 hash), or a bearer token',
                extensions: { code: ErrorCode.PERSISTED_QUERY_ONLY },
              },
              keyNotFound: { message: 'Send a query or a documentId', extensions: { code: ErrorCode.PERSISTED_QUERY_ONLY } },
            },
          },
        }
      : {}),
    // Subgraphs verify the same token themselves; the request id ties their audit entries to ours.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, context }) => ({
        authorization: request.headers.get('authorization'),
        // The planner sends subgraphs unnamed operations; their audit entries keep the client's name.
        'x-operation-name': (context as { params?: { operationName?: string } } | undefined)?.params?.operationName ?? null,
      }),
    },
    plugins: (pluginContext) => {
      const openTelemetry = options.tracing
        ? useOpenTelemetry({ ...pluginContext, traces: { tracer: options.tracing.tracer }, flushOnDispose: false })
        : undefined;
      // Asked as the request starts, inside the plugin's HTTP span. (Its `getHttpContext` is
      // process-global and would answer for the first gateway of the process only.)
      const currentTraceId = openTelemetry ? () => trace.getActiveSpan()?.spanContext().traceId : undefined;
      return [
        // Before every other plugin's hooks, where the runtime's `genericAuth` option would sit:
        // `@authenticated`, `@requiresScopes` and `@policy`, on the caller of `callerOf` (a token
        // that does not verify rejects the request here, with 401). A field denied is removed
        // from the operation before planning and reported at its path; the rest is served.
        useFieldAccessRules(async (request) => {
          const caller = await callerOf(request);
          return caller.anonymous ? null : caller;
        }),
        // Its spans (instrumentation, not hooks) enclose every other plugin's work.
        ...(openTelemetry ? [openTelemetry] : []),
        ...(ops.metrics ? [useMetrics(ops.metrics)] : []),
        ...(ops.rateLimitPerMinute ? [useRateLimit(ops.rateLimitPerMinute, callerOf, ops.rateLimitStore ?? new RateLimiter(), ops.metrics)] : []),
        ...(ops.limits ? [useOperationLimits(ops.limits)] : []),
        useSubgraphResilience({ timeoutMs: ops.subgraphTimeoutMs ?? (() => 10_000), metrics: ops.metrics }),
        useNullForDeniedFields(),
        ...(options.requestLog ? [useRequestLog(options.requestLog, currentTraceId)] : []),
      ];
    },
  });
}
