import type { ApolloServerPlugin } from '@apollo/server';
import { ExecutionBudgetExceededError } from '@cswb/contract/limits';

/**
 * Stops an execution that outlived its budget from starting more work: once `budgetMs` have passed
 * since the request started, every field about to resolve fails with EXECUTION_BUDGET_EXCEEDED
 * instead of running its resolver (and its SQL). 0: no budget.
 */
export function executionBudgetPlugin(budgetMs: number): ApolloServerPlugin<any> {
  if (!budgetMs) return {};
  return {
    async requestDidStart() {
      const deadline = performance.now() + budgetMs;
      return {
        async executionDidStart() {
          return {
            willResolveField() {
              if (performance.now() > deadline) throw new ExecutionBudgetExceededError(budgetMs);
            },
          };
        },
      };
    },
  };
}

/**
 * `run()`, or ExecutionBudgetExceededError once `budgetMs` have passed without its answer, so the
 * caller is answered on time even while a resolver still waits (the request's remaining fields are
 * stopped by `executionBudgetPlugin`). 0: no budget.
 */
export async function withinExecutionBudget<T>(budgetMs: number, run: () => Promise<T>): Promise<T> {
  if (!budgetMs) return run();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExecutionBudgetExceededError(budgetMs)), budgetMs);
  });
  try {
    return await Promise.race([run(), expired]);
  } finally {
    clearTimeout(timer);
  }
}
