import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/ErrorCode';

/** A request ran longer than the subgraph's execution budget and was stopped (HTTP 503). */
export class ExecutionBudgetExceededError extends GraphQLError {
  constructor(budgetMs: number) {
    super(`The request took longer than this subgraph's execution budget of ${budgetMs} ms and was stopped`, {
      extensions: { code: ErrorCode.EXECUTION_BUDGET_EXCEEDED, budgetMs, http: { status: 503 } },
    });
    Object.defineProperty(this, 'name', { value: 'ExecutionBudgetExceededError' });
  }
}
