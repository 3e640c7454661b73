export * from './compose';
export * from './discoverSubgraphs';
export * from './startStack';
export * from './projectRoot';
export * from './chromium';
