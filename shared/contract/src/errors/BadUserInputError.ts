import { GraphQLError } from 'graphql';
import { ErrorCode } from './ErrorCode';

/** An argument the caller sent is invalid; `argument` names it. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) },
    });
    Object.defineProperty(this, 'name', { value: 'BadUserInputError' });
  }
}
