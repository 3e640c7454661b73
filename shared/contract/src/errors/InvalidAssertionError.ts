import { GraphQLError } from 'graphql';
import { ErrorCode } from './ErrorCode';

/**
 * The gateway's per-request assertion is missing, forged, expired, replayed, meant for another
 * subgraph or for another request body (HTTP 401). Nothing is executed.
 */
export class InvalidAssertionError extends GraphQLError {
  readonly status = 401;
  constructor(reason: string) {
    super(`Gateway assertion refused: ${reason}`, { extensions: { code: ErrorCode.INVALID_ASSERTION } });
    Object.defineProperty(this, 'name', { value: 'InvalidAssertionError' });
  }
}
