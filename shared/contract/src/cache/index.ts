export * from './BudgetedCache';
