import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@cswb/contract/errors';
import type { SubgraphContext } from '../server/SubgraphDefinition';
import { auditEntryFor } from './auditEntryFor';
import { writeAuditEntry } from './writeAuditEntry';
import { defaultLogger, describeError, type Logger } from '@cswb/contract/logging';
import { recordAuditWrite } from '../telemetry/metricsScope';

export const AUDIT_UNAVAILABLE_MESSAGE = 'Audit log unavailable: the data was withheld';


/**
 * Writes one audit entry per request that read protected fields, in the subgraph's own
 * database, before the response leaves. Fails closed: when the entry cannot be written the
 * response carries no data, only an AUDIT_UNAVAILABLE error.
 */
export function auditPlugin(
  write: typeof writeAuditEntry = writeAuditEntry,
  fallbackLog: Logger = defaultLogger('cswb-subgraph'),
): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName }) {
          // The client's name as the gateway asserted it (its own operations to subgraphs are often unnamed).
          contextValue.operationName = contextValue.operationName ?? operationName ?? null;
        },
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.reads || contextValue.reads.length === 0 || contextValue.auditWritten) return;
          try {
            await write(contextValue.db, auditEntryFor(contextValue));
            recordAuditWrite('written');
          } catch (error) {
            recordAuditWrite('failed');
            (contextValue.log ?? fallbackLog).error({ requestId: contextValue.requestId, error: describeError(error) }, 'audit entry could not be written; response withheld');
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
