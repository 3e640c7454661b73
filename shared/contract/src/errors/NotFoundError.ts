import { GraphQLError } from 'graphql';
import { ErrorCode } from './ErrorCode';

/** The caller asked for an object by id and there is none. */
export class NotFoundError extends GraphQLError {
  constructor(typeName: string, id: string) {
    super(`${typeName} "${id}" does not exist`, {
      extensions: { code: ErrorCode.NOT_FOUND, typeName, id },
    });
    Object.defineProperty(this, 'name', { value: 'NotFoundError' });
  }
}
