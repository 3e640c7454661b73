import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTokenVerifier, type AuthConfig } from '@cswb/contract/auth';
import { GATEWAY_SERVICE_NAME, type GatewayConfig, type TrustConfig } from '@cswb/contract/config';
import { createAssertionSigner, createAssertionVerifier, createConfirmationSigner, createGatewayAgent, createServiceAssertionVerifier, GATEWAY_MEMBER, readDeploymentCertificates } from '@cswb/contract/trust';
import { registerGlobalTracing, startTracing } from '@cswb/contract/telemetry';
import { createLogger, Logger } from '@cswb/contract/logging';
import { limitHeapGrowth } from '@cswb/contract/limits';
import { AnswerCache } from './AnswerCache';
import { createGateway, GatewayTrust } from './createGateway';
import { CIRCUIT_STATE_VALUE, GatewayMetrics } from './metrics';
import { readPersistedDocuments, readRegisteredDocuments } from './persistedDocuments';
import { developmentTokens } from './developmentTokens';
import { loadWebApp } from './webApp';
import { RateLimiter } from './plugins/useRateLimit';
import { RedisRateLimitStore } from './RedisRateLimitStore';
import { FallbackRateLimitStore } from './FallbackRateLimitStore';
import { serveGateway, ServingGateway } from './serveGateway';
import { subgraphEndpoints, SubgraphEndpoint } from './subgraphEndpoints';
import { SubgraphCircuitBreakers } from './SubgraphCircuitBreakers';

/** The documented example queries, opened in the IDE's tabs. */
export const EXAMPLE_QUERIES_DIR = path.resolve(__dirname, '..', '..', 'docs', 'queries');

function exampleQueries(): { query: string }[] {
  if (!fs.existsSync(EXAMPLE_QUERIES_DIR)) return [];
  return fs
    .readdirSync(EXAMPLE_QUERIES_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ query: fs.readFileSync(path.join(EXAMPLE_QUERIES_DIR, file), 'utf8') }));
}

/** The supergraph committed beside this package, composed by `npm run compose`. */
export const DEFAULT_SUPERGRAPH_PATH = path.resolve(__dirname, '..', 'generated', 'supergraph.graphql');

export interface StartedGateway extends ServingGateway {
  subgraphs: SubgraphEndpoint[];
  /** Where the planner's web app is served; undefined when it is off or not built. */
  webAppUrl?: string;
  /** The gateway's answer cache (`ANSWER_CACHE_MB`); undefined when it is off. */
  answerCache?: AnswerCache;
}

export interface StartGatewayOptions {
  /** No logs at all (tests). */
  quiet?: boolean;
  /** The logger of the process (`createLogger` from `readLogConfig`); default: JSON lines at the configured level. */
  log?: Logger;
}

/** The gateway's side of the trust boundary, from the deployment's certificates (made by `cswb certs` or `npm start`). */
export function gatewayTrust(trust: TrustConfig): GatewayTrust {
  const certificates = readDeploymentCertificates(trust.certsDir);
  return {
    sign: createAssertionSigner(certificates.member(GATEWAY_MEMBER), trust.assertionTtlSeconds),
    signConfirmation: createConfirmationSigner(certificates.member(GATEWAY_MEMBER), trust.assertionTtlSeconds),
    agent: trust.subgraphTls === 'mutual' ? createGatewayAgent(certificates) : undefined,
    verifier: createAssertionVerifier({
      audience: GATEWAY_MEMBER,
      gatewayCertificatePem: certificates.member(GATEWAY_MEMBER).certificatePem,
      caPem: certificates.caPem,
      ttlSeconds: trust.assertionTtlSeconds,
    }),
    verifyService: createServiceAssertionVerifier(certificates.caPem),
  };
}

export async function startGateway(config: GatewayConfig, auth: AuthConfig, trustConfig: TrustConfig, options: StartGatewayOptions = {}): Promise<StartedGateway> {
  if (!fs.existsSync(config.supergraphPath)) {
    throw new Error(`SUPERGRAPH_PATH: ${config.supergraphPath} does not exist; run "npm run compose" first`);
  }
  const supergraphSdl = fs.readFileSync(config.supergraphPath, 'utf8');
  const subgraphs = subgraphEndpoints(supergraphSdl, config.subgraphUrls);
  limitHeapGrowth(config.heapGrowingPercent);
  const service = config.tracing?.serviceName ?? GATEWAY_SERVICE_NAME;
  const log = options.quiet
    ? new Logger({ level: false })
    : options.log
      ? options.log.child({ service })
      : createLogger({ service, level: config.logLevel, format: 'json' });
  const metrics = new GatewayMetrics();
  const webApp = config.webAppDir ? loadWebApp(config.webAppDir) : undefined;
  const persistedDocuments =
    config.persistedDocuments.mode === 'off'
      ? undefined
      : {
          mode: config.persistedDocuments.mode,
          // The hub's own documents, its web app's, then every dashboard's registered ones (docs/dashboards.md).
          documents: new Map([
            ...readPersistedDocuments(config.persistedDocuments.path),
            ...(webApp?.documents ?? []),
            ...readRegisteredDocuments(config.persistedDocuments.registeredDir),
          ]),
        };
  const sharedStore = config.rateLimitRedisUrl ? new RedisRateLimitStore(config.rateLimitRedisUrl) : undefined;
  // Connected before the first request, so replicas share counts from it on (bounded: Redis down
  // at start means the in-memory fallback, logged on the first request).
  await sharedStore?.connectNow();
  const rateLimitStore = sharedStore
    ? new FallbackRateLimitStore(sharedStore, new RateLimiter(), (msg) => log.warn(msg))
    : new RateLimiter();
  // Started before the gateway: Hive's OpenTelemetry plugin looks for the context manager as it is created.
  const tracing = config.tracing ? startTracing(config.tracing) : undefined;
  const unregisterTracing = tracing ? registerGlobalTracing(tracing) : undefined;
  const stopTracing = async () => {
    await tracing?.shutdown();
    unregisterTracing?.();
  };
  const trust = gatewayTrust(trustConfig);
  const circuitBreakers =
    config.resilience.breakerFailures > 0
      ? new SubgraphCircuitBreakers({
          failureThreshold: config.resilience.breakerFailures,
          cooldownMs: config.resilience.breakerCooldownMs,
          onStateChange: (subgraph, state) => metrics.circuitState.set({ subgraph }, CIRCUIT_STATE_VALUE[state]),
        })
      : undefined;
  for (const { name } of subgraphs) if (circuitBreakers) metrics.circuitState.set({ subgraph: name }, 0);
  const answerCache = config.answerCache && new AnswerCache(config.answerCache);
  const gateway = createGateway({
    supergraphSdl,
    subgraphs,
    trust,
    log,
    verifyToken: createTokenVerifier(auth),
    operations: {
      limits: config.limits,
      subgraphTimeoutMs: (name) => config.subgraphTimeouts[name] ?? config.subgraphTimeoutMs,
      requestTimeoutMs: config.resilience.requestTimeoutMs,
      circuitBreakers,
      persistedDocuments,
      corsOrigins: config.corsOrigins,
      rateLimitPerMinute: config.rateLimitPerMinute,
      rateLimitStore,
      answerCache,
      metrics,
      ide: config.graphiql ? { tabs: exampleQueries() } : undefined,
    },
    tracing,
  });
  let serving: ServingGateway;
  try {
    serving = await serveGateway(gateway, subgraphs, { port: config.port, host: config.host, metrics, trust, maxRequestBodyBytes: config.maxRequestBodyBytes, circuitOf: circuitBreakers && ((name) => circuitBreakers.state(name)), shutdownGraceMs: config.shutdownGraceMs, routes: [developmentTokens(auth, { sectors: subgraphs.map((s) => s.name).filter((name) => name !== 'planning') }), ...(webApp ? [webApp.handle] : [])] });
  } catch (error) {
    await gateway.dispose();
    await rateLimitStore.close();
    await stopTracing();
    throw error;
  }
  return {
    ...serving,
    subgraphs,
    webAppUrl: webApp ? serving.url.replace(/graphql$/, '') : undefined,
    answerCache,
    close: async () => {
      await serving.close();
      trust.agent?.destroy();
      await rateLimitStore.close();
      await stopTracing();
    },
  };
}
