import 'reflect-metadata';

export * from './EmbeddedPostgres';
export * from './NamedStatementClient';
export * from './SqlStatementCounter';
export * from './bulkInsert';
export * from './copyFrom';
export * from './createDataSource';
export * from './databaseRoles';
export * from './ensureDatabase';
export * from './refreshRollups';
export * from './sharedMigrations';
