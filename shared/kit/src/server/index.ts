import 'reflect-metadata';

export * from './SubgraphDefinition';
export * from './createSubgraphServer';
export * from './executionBudget';
export * from './knownOperationTypesRule';
export * from './listen';
export * from './representationLimit';
export * from './startSubgraph';
export * from './subgraphOperationLimits';
