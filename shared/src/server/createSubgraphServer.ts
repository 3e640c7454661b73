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
import { ErrorCode } from '../errors/ErrorCode';
import type { SubgraphContext, SubgraphDefinition } from './SubgraphDefinition';
import type { Caller } from '../auth/Caller';
import type { ProtectedRead } from '../auth/protectSchema';

export interface SubgraphServerOptions {
  plugins?: ApolloServerPlugin<SubgraphContext>[];
}

/** The subgraph's Apollo Server, built but not listening: see `listen`. */
export function createSubgraphServer(
  schema: GraphQLSchema,
  options: SubgraphServerOptions = {},
): ApolloServer<SubgraphContext> {
  return new ApolloServer<SubgraphContext>({
    schema,
    // Cache-control hints and inline traces would wrap every field resolver; the hub uses neither.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      auditPlugin(),
      ...(options.plugins ?? []),
    ],
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => {
      // Unexpected errors (SQL, bugs) must not leak internals to callers.
      const code = formatted.extensions?.code;
      if (code === ErrorCode.INTERNAL_SERVER_ERROR || code === undefined) {
        // Apollo's own request errors (validation, parsing) carry their codes and pass above.
        process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
        return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
      }
      return formatted;
    },
  });
}

/** A new context per request: fresh loaders, so no cache outlives its request. */
export function createContextFactory<Loaders>(definition: SubgraphDefinition<Loaders>, db: DataSource, gatewayUrl?: () => string | undefined) {
  return (caller: Caller, requestId?: string, authorization?: string): SubgraphContext<Loaders> => {
    const reads: ProtectedRead[] = [];
    return {
      db,
      loaders: definition.createLoaders(db),
      requestId: requestId ?? randomUUID(),
      caller,
      authorization,
      gatewayUrl,
      reads,
      recordRead: (read) => reads.push(read),
      operationName: null,
    };
  };
}
