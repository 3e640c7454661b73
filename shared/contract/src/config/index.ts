export * from './ConfigError';
export * from './config';
export * from './readEnv';
