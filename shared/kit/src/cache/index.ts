export * from './CreateDataVersion1796500000000';
export * from './ResponseCache';
export * from './attachDataVersionTriggers';
export * from './confirmKeptAnswer';
export * from './responseCachePlugin';
export * from './serializedAnswers';
