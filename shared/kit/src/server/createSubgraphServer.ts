import { randomUUID } from 'node:crypto';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { auditPlugin } from '../audit/auditPlugin';
import { stringifyAnswer } from '../cache/serializedAnswers';
import { LoaderRegistry } from '../loaders/LoaderRegistry';
import { ErrorCode } from '@cswb/contract/errors';
import type { SubgraphContext, SubgraphDefinition } from './SubgraphDefinition';
import type { Caller, ProtectedRead } from '@cswb/contract/auth';
import { readOperationLimits, readSubgraphLimits, type OperationLimitsConfig } from '@cswb/contract/config';
import { representationLimitPlugin } from './representationLimit';
import { knownOperationTypesRule } from './knownOperationTypesRule';
import { subgraphOperationLimits } from './subgraphOperationLimits';
import { executionBudgetPlugin } from './executionBudget';
import { unexpectedErrorLogPlugin } from './unexpectedErrorLog';
import { defaultLogger, requestLogger, type Logger } from '@cswb/contract/logging';

export interface SubgraphServerOptions {
  plugins?: ApolloServerPlugin<SubgraphContext>[];
  /** Entity representations resolved per request; default `MAX_REPRESENTATIONS` from the environment (`readSubgraphLimits`). */
  maxRepresentations?: number;
  /** Depth, aliases, cost, … checked before validation, and the execution budget; default from the environment (`readOperationLimits`). */
  operationLimits?: OperationLimitsConfig;
  /** Where its unexpected errors are logged (a request's own logger when its context has one); default JSON lines on stdout. */
  log?: Logger;
}

/** The subgraph's Apollo Server, built but not listening: see `listen`. */
export function createSubgraphServer(
  schema: GraphQLSchema,
  options: SubgraphServerOptions = {},
): ApolloServer<SubgraphContext> {
  // Read when the subgraph starts: a bad MAX_REPRESENTATIONS stops it with the variable's name.
  const maxRepresentations = options.maxRepresentations ?? readSubgraphLimits(process.env).maxRepresentations;
  const operationLimits = options.operationLimits ?? readOperationLimits(process.env);
  const limits = subgraphOperationLimits(operationLimits);
  const log = options.log ?? defaultLogger('cswb-subgraph');
  return new ApolloServer<SubgraphContext>({
    schema,
    documentStore: limits.documentStore,
    validationRules: [knownOperationTypesRule],
    // The gateway sends whole documents; Apollo's automatic persisted queries would only add a
    // cache to fill and malformed `persistedQuery` extensions to answer (without an error code).
    persistedQueries: false,
    stringifyResult: stringifyAnswer,
    parseOptions: limits.parseOptions,
    // Whoever runs the subgraph stops it (`cswb start`, `serve-subgraph`: bounded by SHUTDOWN_GRACE_MS,
    // PostgreSQL last). Apollo's own handler would stop the server on SIGINT/SIGTERM and then re-raise
    // the signal, killing the process mid-shutdown (`npm start` exited 130 without "Stopped.").
    stopOnTerminationSignals: false,
    // Cache-control hints and inline traces would wrap every field resolver; the hub uses neither.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      // Before Apollo parses or validates it: a document over an operation limit is refused whole.
      limits.plugin,
      // Before any resolver runs: a request with too many entity representations is refused whole.
      representationLimitPlugin(maxRepresentations),
      // Past the budget, no further field resolves (`listen` has answered the caller by then).
      executionBudgetPlugin(operationLimits.executionBudgetMs),
      auditPlugin(undefined, log),
      unexpectedErrorLogPlugin(log),
      ...(options.plugins ?? []),
    ],
    includeStacktraceInErrorResponses: false,
    formatError: (formatted) => {
      // Unexpected errors (SQL, bugs) must not leak internals to callers (logged by unexpectedErrorLogPlugin).
      const code = formatted.extensions?.code;
      if (code === ErrorCode.INTERNAL_SERVER_ERROR || code === undefined) {
        // Apollo's own request errors (validation, parsing) carry their codes and pass above.
        return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
      }
      return formatted;
    },
  });
}

/** What a request is known by when its context is made: in a served subgraph, the gateway's verified assertion. */
export interface RequestIdentity {
  caller: Caller;
  requestId?: string;
  operationName?: string | null;
  /** The gateway's assertion for this request, which the subgraph presents to act for the caller. */
  assertion?: string;
}

/** A new context per request: fresh loaders, so no cache outlives its request. */
export function createContextFactory<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  db: DataSource,
  gatewayUrl?: () => string | undefined,
  signServiceRequest?: (body: string) => Promise<string>,
  log?: Logger,
) {
  /** `traceparent`: the header the request came with, for its log lines' trace id. */
  return (identity: RequestIdentity, traceparent?: string | string[]): SubgraphContext<Loaders> => {
    const reads: ProtectedRead[] = [];
    const scope = new LoaderRegistry();
    const requestId = identity.requestId ?? randomUUID();
    const context: SubgraphContext<Loaders> = {
      db,
      loaders: definition.createLoaders(db, scope),
      scope,
      requestId,
      log: log && requestLogger(log, { requestId, traceparent }),
      caller: identity.caller,
      authorization: identity.assertion ? `Bearer ${identity.assertion}` : undefined,
      signServiceRequest,
      gatewayUrl: gatewayUrl
        ? () => {
            // What the gateway answers for other sectors can change without this sector's data version moving.
            context.responseCacheable = false;
            return gatewayUrl();
          }
        : undefined,
      reads,
      recordRead: (read) => reads.push(read),
      operationName: identity.operationName ?? null,
      responseCacheable: true,
    };
    return context;
  };
}
