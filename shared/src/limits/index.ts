export * from './OperationMeasures';
export * from './measureDocument';
export * from './countTokens';
export * from './OperationLimitError';
export * from './checkOperationLimits';
export * from './subgraphOperationLimits';
export * from './ExecutionBudgetExceededError';
export * from './executionBudget';
