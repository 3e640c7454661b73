import 'reflect-metadata';

export * from './operationScope';
export * from './traceHeaders';
export * from './traceSql';
export * from './tracingPlugin';
