export * from './ensureAsyncContextManager';
export * from './registerGlobalTracing';
export * from './startTracing';
export * from './inClientSpan';
