import { GraphQLError } from 'graphql';
import { ErrorCode } from './ErrorCode';

/** A presented token is not accepted: the whole request is refused with HTTP 401. */
export class UnauthenticatedError extends GraphQLError {
  constructor(reason: string) {
    super(`Invalid bearer token: ${reason}`, {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } },
    });
    Object.defineProperty(this, 'name', { value: 'UnauthenticatedError' });
  }
}
