import { GraphQLError } from 'graphql';
import { ErrorCode } from './ErrorCode';

/** The caller may not read this field: it resolves to null, the rest of the response is served. */
export class UnauthorizedFieldError extends GraphQLError {
  constructor(coordinate: string) {
    super(`Unauthorized field or type: ${coordinate}`, {
      extensions: { code: ErrorCode.UNAUTHORIZED_FIELD_OR_TYPE },
    });
    Object.defineProperty(this, 'name', { value: 'UnauthorizedFieldError' });
  }
}
