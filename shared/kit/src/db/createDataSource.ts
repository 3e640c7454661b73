import { DataSource, Logger } from 'typeorm';
import type { SubgraphDefinition } from '../server/SubgraphDefinition';
import { SHARED_MIGRATIONS } from './sharedMigrations';
import { SqlLogger } from './SqlLogger';
import { NamedStatementClient } from './NamedStatementClient';
import { defaultLogger, type Logger as HubLogger } from '@cswb/contract/logging';

export interface DataSourceOptions {
  url: string;
  /** Sees every statement (e.g. `SqlStatementCounter`); default: `SqlLogger` over `log`. */
  logger?: Logger;
  /** Where failing statements are logged, without their parameters; default JSON lines on stdout. */
  log?: HubLogger;
  poolSize?: number;
}

/**
 * The subgraph's TypeORM data source. Schemas come from migrations, never `synchronize`: the
 * hub's shared ones (the audit log) and then the sector's own.
 */
export function createDataSource(definition: SubgraphDefinition, options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: definition.entities,
    migrations: [...SHARED_MIGRATIONS, ...definition.migrations],
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    logger: options.logger ?? new SqlLogger(options.log ?? defaultLogger(`cswb-${definition.name}`)),
    logging: true,
    poolSize: options.poolSize ?? 10,
    applicationName: `cswb-${definition.name}`,
    // Statements sent on nearly every request go as named prepared statements (`namedStatement`).
    extra: { Client: NamedStatementClient },
  });
}
