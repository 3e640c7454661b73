import 'reflect-metadata';

export * from './operationScope';
export * from './traceHeaders';
export * from './traceSql';
export * from './tracingPlugin';
export * from './SubgraphMetrics';
export * from './measureSql';
export * from './metricsPlugin';
export * from './metricsScope';
export * from './serveMetrics';
