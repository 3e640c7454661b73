import {
  ConfigError,
  createDataSource,
  databaseUrlFor,
  EmbeddedPostgres,
  readEmbeddedPostgresConfig,
  usesEmbeddedPostgres,
  verifyAuditChain,
} from '@cswb/shared';
import { discoverSubgraphs } from '../discoverSubgraphs';
import { PROJECT_ROOT } from '../projectRoot';

/**
 * `cswb audit verify [--subgraph <name>]`: recompute each subgraph's audit hash chain from its
 * database. Exit 0 when every chain is intact, 1 when any is broken or cannot be read, 2 when
 * the subgraph named does not exist.
 */
export async function auditVerify(args: { subgraph?: string }): Promise<number> {
  const env = process.env;
  const discovered = discoverSubgraphs();
  const selected = args.subgraph ? discovered.filter((s) => s.definition.name === args.subgraph) : discovered;
  if (selected.length === 0) {
    process.stderr.write(`cswb audit verify: no subgraph named "${args.subgraph}" (${discovered.map((s) => s.definition.name).join(', ')})\n`);
    return 2;
  }
  let postgres: EmbeddedPostgres | undefined;
  let failed = false;
  try {
    let embeddedUrl: string | undefined;
    if (usesEmbeddedPostgres(env, selected.map((s) => s.definition.name))) {
      postgres = new EmbeddedPostgres(readEmbeddedPostgresConfig(env, PROJECT_ROOT));
      embeddedUrl = await postgres.start();
    }
    for (const { definition } of selected) {
      const db = createDataSource(definition, { url: databaseUrlFor(definition.name, env, embeddedUrl), poolSize: 1 });
      try {
        await db.initialize();
        const verdict = await verifyAuditChain(db);
        if (verdict.ok) {
          process.stdout.write(`${definition.name}: ${verdict.entries} ${verdict.entries === 1 ? 'entry' : 'entries'}, chain intact\n`);
        } else {
          failed = true;
          process.stdout.write(`${definition.name}: chain broken at entry ${verdict.firstBadId}: ${verdict.reason}\n`);
        }
      } catch (error) {
        failed = true;
        process.stdout.write(`${definition.name}: cannot verify: ${(error as Error).message}\n`);
      } finally {
        if (db.isInitialized) await db.destroy();
      }
    }
    return failed ? 1 : 0;
  } catch (error) {
    process.stderr.write(`cswb audit verify: ${error instanceof ConfigError ? error.message : (error as Error).message}\n`);
    return 1;
  } finally {
    await postgres?.stop();
  }
}
