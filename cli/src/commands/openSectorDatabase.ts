import { databaseUrlFor, readEmbeddedPostgresConfig, usesEmbeddedPostgres } from '@cswb/contract/config';
import { EmbeddedPostgres } from '@cswb/subgraph-kit/db';
import { prepareDatabase, SubgraphDefinition } from '@cswb/subgraph-kit/server';
import type { DataSource, Logger } from 'typeorm';
import { PROJECT_ROOT } from '../projectRoot';

export interface SectorDatabase {
  /** The migrated database, or why it could not be opened. */
  opening: Promise<DataSource | Error>;
  /** Closes the connection and stops the embedded PostgreSQL it started, once opening has settled. */
  close(): Promise<void>;
}

/** The import reports a failed statement itself: TypeORM would print its SQL on stdout. */
const SILENT: Logger = { logQuery() {}, logQueryError() {}, logQuerySlow() {}, logSchemaBuild() {}, logMigration() {}, log() {} };

/**
 * Starts opening the sector's database as its owner (an import writes its tables and refreshes
 * its rollups, which only their owner may): the embedded PostgreSQL if it uses one, migrations checked.
 */
export function openSectorDatabase(definition: SubgraphDefinition<unknown>): SectorDatabase {
  let postgres: EmbeddedPostgres | undefined;
  let db: DataSource | undefined;
  const opening: Promise<DataSource | Error> = (async () => {
    const url = usesEmbeddedPostgres(process.env, [definition.name])
      ? databaseUrlFor(definition.name, process.env, await (postgres = new EmbeddedPostgres(readEmbeddedPostgresConfig(process.env, PROJECT_ROOT))).start())
      : databaseUrlFor(definition.name, process.env);
    db = (await prepareDatabase(definition, { url, connectAs: 'owner', logger: SILENT })).db;
    return db;
  })().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  return {
    opening,
    async close() {
      await opening;
      if (db?.isInitialized) await db.destroy().catch(() => undefined);
      await postgres?.stop();
    },
  };
}
