import { GraphQLError, type ASTNode } from 'graphql';
import { ErrorCode } from '../errors/ErrorCode';

export type OperationLimitCode =
  | typeof ErrorCode.OPERATION_TOO_DEEP
  | typeof ErrorCode.TOO_MANY_ALIASES
  | typeof ErrorCode.TOO_MANY_TOKENS
  | typeof ErrorCode.OPERATION_TOO_COSTLY
  | typeof ErrorCode.TOO_MANY_ROOT_FIELDS
  | typeof ErrorCode.TOO_MANY_DIRECTIVES
  | typeof ErrorCode.TOO_MANY_FIELDS;

/**
 * A document refused by an operation limit, before validation, planning or execution (HTTP 400).
 * `figures` are the measure and its limit (e.g. `cost`, `maxCost`); a measure beyond
 * `Number.MAX_SAFE_INTEGER` (a fragment fan-out) is null.
 */
export class OperationLimitError extends GraphQLError {
  constructor(code: OperationLimitCode, message: string, figures: Record<string, number | null>, node?: ASTNode) {
    super(message, { nodes: node, extensions: { code, ...figures, http: { status: 400 } } });
    Object.defineProperty(this, 'name', { value: 'OperationLimitError' });
  }
}
