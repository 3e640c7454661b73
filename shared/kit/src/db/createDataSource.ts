import { DataSource, Logger } from 'typeorm';
import type { SubgraphDefinition } from '../server/SubgraphDefinition';
import { SHARED_MIGRATIONS } from './sharedMigrations';

export interface DataSourceOptions {
  url: string;
  logger?: Logger;
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
    logger: options.logger,
    logging: options.logger ? true : ['error'],
    poolSize: options.poolSize ?? 10,
    applicationName: `cswb-${definition.name}`,
  });
}
