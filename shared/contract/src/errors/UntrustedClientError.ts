import { GraphQLError } from 'graphql';
import { ErrorCode } from './ErrorCode';

/**
 * A subgraph was called by something that is not the hub's gateway: no client certificate, one
 * the deployment CA did not issue, or another member's (HTTP 403). Nothing is executed.
 */
export class UntrustedClientError extends GraphQLError {
  readonly status = 403;
  constructor(reason: string) {
    super(`Only the hub's gateway may call this subgraph: ${reason}`, { extensions: { code: ErrorCode.UNTRUSTED_CLIENT } });
    Object.defineProperty(this, 'name', { value: 'UntrustedClientError' });
  }
}
