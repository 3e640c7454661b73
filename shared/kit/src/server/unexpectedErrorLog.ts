import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { ErrorCode } from '@cswb/contract/errors';
import { describeError, type Logger } from '@cswb/contract/logging';
import type { SubgraphContext } from './SubgraphDefinition';

function isUnexpected(error: GraphQLError): boolean {
  const code = error.extensions?.code;
  return code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * Logs every unexpected error (SQL, bugs: no `extensions.code` of the registry) a request meets,
 * through the request's logger: its class, code, path and stack, never its message, the
 * variables or the data (`describeError`). Callers only see "Internal server error".
 */
export function unexpectedErrorLogPlugin(log: Logger): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors.filter(isUnexpected)) {
            (contextValue.log ?? log).error(
              { path: error.path?.join('.'), error: describeError(error.originalError ?? error) },
              'unexpected error while serving a request',
            );
          }
        },
      };
    },
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      (requestContext.contextValue?.log ?? log).error({ error: describeError(error) }, 'unexpected error while processing a request');
    },
  };
}
