import { createGatewayRuntime, GatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import type * as https from 'node:https';
import { Caller, TokenVerifier } from '@cswb/contract/auth';
import type { OperationLimitsConfig, PersistedDocumentsMode } from '@cswb/contract/config';
import { ErrorCode, InvalidAssertionError, UnauthenticatedError } from '@cswb/contract/errors';
import { SERVICE_ASSERTION_HEADER, type AssertionSigner, type AssertionVerifier, type ConfirmationSigner } from '@cswb/contract/trust';
import type { Tracing } from '@cswb/contract/telemetry';
import { Logger } from '@cswb/contract/logging';
import { useOpenTelemetry } from '@graphql-hive/plugin-opentelemetry';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { useFieldAccessRules } from './plugins/useFieldAccessRules';
import { useNullForDeniedFields } from './plugins/useNullForDeniedFields';
import { useRequestLog } from './plugins/useRequestLog';
import { useRequestLogger } from './plugins/useRequestLogger';
import { useOperationLimits } from './plugins/useOperationLimits';
import { useMetrics } from './plugins/useMetrics';
import { useHivePrometheus } from './plugins/useHivePrometheus';
import { useDisclosureMetrics } from './plugins/useDisclosureMetrics';
import { useSubgraphResilience } from './plugins/useSubgraphResilience';
import { createRequestIds } from './plugins/useHubRequestId';
import { useSubgraphAssertions } from './plugins/useSubgraphAssertions';
import { PREFLIGHT_HEADERS, useCsrfPrevention } from './plugins/useCsrfPrevention';
import { useBodyReadOnce } from './plugins/useBodyReadOnce';
import { useGetParameterChecks } from './plugins/useGetParameterChecks';
import { useTypedHttpErrors } from './plugins/useTypedHttpErrors';
import { RateLimiter, useRateLimit } from './plugins/useRateLimit';
import type { RateLimitStore } from './RateLimitStore';
import type { GatewayMetrics } from './metrics';
import type { SubgraphEndpoint } from './subgraphEndpoints';
import type { SubgraphCircuitBreakers } from './SubgraphCircuitBreakers';
import { useCircuitBreaker } from './plugins/useCircuitBreaker';
import { documentIdOf } from './persistedDocuments';
import type { AnswerCache } from './AnswerCache';
import { createAnswerConfirmer } from './confirmKeptAnswers';
import { useAnswerCache } from './plugins/useAnswerCache';

/** Where the runtime answers GraphQL, and its liveness; `serveGateway` lets no other path reach it. */
export const GRAPHQL_PATH = '/graphql';
export const HEALTH_PATH = '/health';

export interface GatewayOperationsOptions {
  limits?: OperationLimitsConfig;
  /** Milliseconds per subgraph fetch. */
  subgraphTimeoutMs?: (subgraphName: string) => number;
  /** The whole request's budget for its subgraph fetches; unbounded when omitted. */
  requestTimeoutMs?: number;
  /** One circuit per subgraph (`useCircuitBreaker`); none when omitted. */
  circuitBreakers?: SubgraphCircuitBreakers;
  persistedDocuments?: { mode: PersistedDocumentsMode; documents: ReadonlyMap<string, string> };
  corsOrigins?: readonly string[];
  rateLimitPerMinute?: number;
  /** Where rate-limit windows are counted; this process's memory when omitted. */
  rateLimitStore?: RateLimitStore;
  metrics?: GatewayMetrics;
  /** Answers kept and served once their subgraphs confirm them (`useAnswerCache`); none when omitted. */
  answerCache?: AnswerCache;
  /** The offline GraphQL IDE, with these queries open in tabs; no IDE when omitted. */
  ide?: { tabs: { query: string }[] };
}

/** How the gateway proves itself to subgraphs and recognises a member acting for a caller (docs/security.md). */
export interface GatewayTrust {
  /** Signs the per-fetch assertion every subgraph requires. */
  sign: AssertionSigner;
  /** Signs one assertion per round of answer confirmations (the answer cache's). */
  signConfirmation: ConfirmationSigner;
  /** The client certificate for HTTPS subgraphs (mutual TLS); none when TLS is terminated in front of them. */
  agent?: https.Agent;
  /** Verifies assertions the gateway signed, when a member presents one to act for its caller. */
  verifier: AssertionVerifier;
  /** Verifies a member's own signature on a request it sends the gateway; returns the member's name. */
  verifyService(token: string, body: string): Promise<string>;
}

export interface GatewayOptions {
  supergraphSdl: string;
  subgraphs: readonly SubgraphEndpoint[];
  verifyToken: TokenVerifier;
  trust: GatewayTrust;
  /**
   * The gateway's logger (`createLogger`), which the runtime writes through too; each request
   * logs through a child naming its request id and trace (`useRequestLogger`). None when omitted.
   */
  log?: Logger;
  operations?: GatewayOperationsOptions;
  /**
   * OpenTelemetry spans for each request, its GraphQL phases and subgraph fetches, with `traceparent`
   * sent to every subgraph. Hive's plugin uses the global provider and propagator: register
   * this one first (`registerGlobalTracing`).
   */
  tracing?: Tracing;
}

/** The longest a subgraph's confirmation of a kept answer is waited for. */
const CONFIRMATION_TIMEOUT_MS = 2_000;

/** The hash a client sends: GraphQL-over-HTTP `documentId` (optionally `sha256:`-prefixed) or Apollo's `persistedQuery`. */
function persistedDocumentId(params: { extensions?: Record<string, any> } & Record<string, any>): string | null {
  const id = typeof params.documentId === 'string' ? params.documentId : params.extensions?.persistedQuery?.sha256Hash;
  return typeof id === 'string' ? documentIdOf(id) : null;
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
  // Never merge identical in-flight subgraph calls (the runtime's default): each carries its own
  // caller's assertion, and a merged call would hand one caller the answer made for another.
  const transportEntries = {
    ...Object.fromEntries(options.subgraphs.map((s) => [s.name, { location: s.url }])),
    '*.http': { options: { deduplicateInflightRequests: false } },
  };
  const requestIds = createRequestIds();
  const requestLoggers = useRequestLogger(requestIds.requestIdOf);
  const actors = new WeakMap<Request, string>();
  const persisted = ops.persistedDocuments && ops.persistedDocuments.mode !== 'off' ? ops.persistedDocuments : undefined;
  const cors = ops.corsOrigins ?? [];
  // Auth, rate limiting and persisted documents each need the caller: verify once per request.
  const callers = new WeakMap<Request, Promise<Caller>>();
  const verifyCaller = async (request: Request): Promise<Caller> => {
    const service = request.headers.get(SERVICE_ASSERTION_HEADER);
    if (service === null) return options.verifyToken(request.headers.get('authorization'));
    // A member (planning's risk analysis) acting for its caller: its own signature on this body,
    // and the assertion the gateway gave it for that caller; the caller's token never left the gateway.
    try {
      const member = await options.trust.verifyService(service, await request.clone().text());
      const delegated = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
      if (!delegated) throw new InvalidAssertionError('a member must present the assertion it acts under');
      const asserted = await options.trust.verifier.verifyDelegated(delegated, member);
      actors.set(request, member);
      return asserted.caller;
    } catch (error) {
      throw new UnauthenticatedError(error instanceof InvalidAssertionError ? error.message : 'the service request could not be verified');
    }
  };
  const callerOf = (request: Request): Promise<Caller> => {
    let caller = callers.get(request);
    if (!caller) {
      caller = verifyCaller(request);
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
    logging: options.log ?? new Logger({ level: false }),
    // The hub makes request ids itself (createRequestIds).
    requestId: false,
    ...(options.trust.agent ? { customAgent: ({ url }: { url: string }) => (url.startsWith('https:') ? options.trust.agent : undefined) } : {}),
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: HEALTH_PATH,
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
            allowedHeaders: ['content-type', 'authorization', 'x-request-id', ...PREFLIGHT_HEADERS],
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
    // Nothing of the client's request is passed on as is: each subgraph fetch carries the gateway's
    // signed assertion instead (useSubgraphAssertions), with the caller, request id and operation name.
    propagateHeaders: { fromClientToSubgraphs: () => ({}) },
    plugins: (pluginContext) => {
      const openTelemetry = options.tracing
        ? useOpenTelemetry({ ...pluginContext, traces: { tracer: options.tracing.tracer }, flushOnDispose: false })
        : undefined;
      return [
        requestIds.plugin,
        requestLoggers.plugin,
        useTypedHttpErrors(),
        // Before the runtime reads the request's parameters: refused requests are never parsed.
        useCsrfPrevention(),
        useGetParameterChecks(),
        useBodyReadOnce(),
        // A member's request is verified as it arrives: its signature covers the body, which is
        // still unread here (later hooks see it parsed).
        {
          onRequest: ({ request }: { request: Request }) => void (request.headers.has(SERVICE_ASSERTION_HEADER) && callerOf(request).catch(() => undefined)),
        } satisfies GatewayPlugin,
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
        ...(ops.metrics ? [useHivePrometheus(ops.metrics.registry, pluginContext.log), useMetrics(ops.metrics), useDisclosureMetrics(ops.metrics)] : []),
        ...(ops.rateLimitPerMinute ? [useRateLimit(ops.rateLimitPerMinute, callerOf, ops.rateLimitStore ?? new RateLimiter(), ops.metrics)] : []),
        ...(ops.limits ? [useOperationLimits(ops.limits)] : []),
        useSubgraphResilience({ timeoutMs: ops.subgraphTimeoutMs ?? (() => 10_000), requestTimeoutMs: ops.requestTimeoutMs, metrics: ops.metrics }),
        // After the deadlines: it wraps them, and counts their timeouts as failures.
        ...(ops.circuitBreakers ? [useCircuitBreaker(ops.circuitBreakers, ops.metrics)] : []),
        useNullForDeniedFields(),
        useSubgraphAssertions(options.trust.sign, { callerOf, requestIdOf: requestIds.requestIdOf, actorOf: (request) => actors.get(request) ?? null }),
        useRequestLog(requestLoggers.loggerOf, requestIds.clientRequestIdOf, (request) => actors.get(request) ?? null),
        // Last: it ends execution early on a confirmed answer, which skips the onExecute hooks after it.
        ...(ops.answerCache
          ? [
              useAnswerCache(
                ops.answerCache,
                createAnswerConfirmer(options.trust.signConfirmation, {
                  agent: options.trust.agent,
                  // A confirmation is one statement: a subgraph that cannot give it soon is asked to answer instead.
                  timeoutMs: (subgraph) => Math.min(CONFIRMATION_TIMEOUT_MS, ops.subgraphTimeoutMs?.(subgraph) ?? CONFIRMATION_TIMEOUT_MS),
                  available: ops.circuitBreakers && ((subgraph) => ops.circuitBreakers!.state(subgraph) === 'closed'),
                  tracer: options.tracing?.tracer,
                }),
                { callerOf, requestIdOf: requestIds.requestIdOf, actorOf: (request) => actors.get(request) ?? null },
                ops.metrics && ((outcome) => ops.metrics!.answerCache.inc({ outcome })),
              ),
            ]
          : []),
      ];
    },
  });
}
