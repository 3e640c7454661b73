import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../errors/ErrorCode';
import type { SubgraphContext } from '../server/SubgraphDefinition';
import { auditEntryFor } from './auditEntryFor';
import { writeAuditEntry } from './writeAuditEntry';

export const AUDIT_UNAVAILABLE_MESSAGE = 'Audit log unavailable: the data was withheld';

/**
 * The client's operation name, as a gateway forwards it: the operations a gateway sends to a
 * subgraph are its own (often unnamed). Names are chosen by clients anyway, so trusting the
 * header costs nothing; it must still be a GraphQL name.
 */
export const OPERATION_NAME_HEADER = 'x-operation-name';
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;

/**
 * Writes one audit entry per request that read protected fields, in the subgraph's own
 * database, before the response leaves. Fails closed: when the entry cannot be written the
 * response carries no data, only an AUDIT_UNAVAILABLE error.
 */
export function auditPlugin(write: typeof writeAuditEntry = writeAuditEntry): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName, request }) {
          const forwarded = request.http?.headers.get(OPERATION_NAME_HEADER);
          contextValue.operationName = forwarded && GRAPHQL_NAME.test(forwarded) ? forwarded : (operationName ?? null);
        },
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.reads || contextValue.reads.length === 0) return;
          try {
            await write(contextValue.db, auditEntryFor(contextValue));
          } catch (error) {
            process.stderr.write(
              `${JSON.stringify({
                time: new Date().toISOString(),
                level: 'error',
                msg: 'audit entry could not be written; response withheld',
                requestId: contextValue.requestId,
                error: (error as Error)?.message ?? String(error),
              })}\n`,
            );
            response.body = {
              kind: 'single',
              singleResult: { errors: [{ message: AUDIT_UNAVAILABLE_MESSAGE, extensions: { code: ErrorCode.AUDIT_UNAVAILABLE } }] },
            };
          }
        },
      };
    },
  };
}
