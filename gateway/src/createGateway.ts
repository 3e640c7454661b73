import { createGatewayRuntime, GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { defaultProtectSingleValidateFn } from '@envelop/generic-auth';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { Caller, callerPolicies, ErrorCode, TokenVerifier } from '@cswb/shared';
import { GraphQLError } from 'graphql';
import { useNullForDeniedFields } from './plugins/useNullForDeniedFields';
import { RequestLogEntry, useRequestLog } from './plugins/useRequestLog';
import type { SubgraphEndpoint } from './subgraphEndpoints';

export interface GatewayOptions {
  supergraphSdl: string;
  subgraphs: readonly SubgraphEndpoint[];
  verifyToken: TokenVerifier;
  /** A level, or false for no logs at all. */
  logging?: false | 'trace' | 'debug' | 'info' | 'warn' | 'error';
  /** Where the per-request JSON log lines go; none when omitted. */
  requestLog?: (entry: RequestLogEntry) => void;
}

/**
 * The Hive Gateway runtime over a supergraph composed offline, with the Rust query planner,
 * enforcing the supergraph's `@authenticated`, `@requiresScopes` and `@policy` before planning:
 * a field the caller may not read comes back null with UNAUTHORIZED_FIELD_OR_TYPE at its path,
 * its subgraph is not asked for it, and the rest is served (HTTP 200). A token that does not
 * verify refuses the whole request (HTTP 401). Built here, listening elsewhere (`serveGateway`).
 */
export function createGateway(options: GatewayOptions): GatewayRuntime {
  const transportEntries = Object.fromEntries(options.subgraphs.map((s) => [s.name, { location: s.url }]));
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
    genericAuth: {
      mode: 'protect-granular',
      rejectUnauthenticated: false,
      resolveUserFn: async (context) => {
        const caller = await options.verifyToken(context.request.headers.get('authorization'));
        return caller.anonymous ? null : caller;
      },
      // Called for anonymous requests too, with no user.
      extractScopes: (user) => (user ? [...(user as Caller).scopes] : []),
      extractPolicies: (user) => (user ? callerPolicies(user as Caller) : []),
      validateUser: (params) => {
        const denied = defaultProtectSingleValidateFn(params);
        if (!denied) return undefined;
        // A partially authorized response is still a served response: no HTTP 401 for it.
        return new GraphQLError(denied.message, {
          nodes: params.fieldNode,
          // The plugin marks list levels with '@'; a response path holds response keys only.
          path: params.path.filter((key) => key !== '@'),
          extensions: { code: ErrorCode.UNAUTHORIZED_FIELD_OR_TYPE },
        });
      },
    },
    // Subgraphs verify the same token themselves; the request id ties their audit entries to ours.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, context }) => ({
        authorization: request.headers.get('authorization'),
        // The planner sends subgraphs unnamed operations; their audit entries keep the client's name.
        'x-operation-name': (context as { params?: { operationName?: string } } | undefined)?.params?.operationName ?? null,
      }),
    },
    plugins: () => [useNullForDeniedFields(), ...(options.requestLog ? [useRequestLog(options.requestLog)] : [])],
  });
}
