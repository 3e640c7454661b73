import * as path from 'node:path';
import { readAuditCheckpointKey, ConfigError, databaseUrlFor, readEmbeddedPostgresConfig, usesEmbeddedPostgres } from '@cswb/contract/config';
import { auditCheckpointKey, AuditCheckpointError, readAuditCheckpoint, writeAuditCheckpoint, verifyAuditChain } from '@cswb/subgraph-kit/audit';
import { createDataSource, EmbeddedPostgres } from '@cswb/subgraph-kit/db';
import { discoverSubgraphs } from '../discoverSubgraphs';
import { PROJECT_ROOT } from '../projectRoot';

/**
 * `cswb audit verify [--subgraph <name>] [--checkpoints <dir>]`: recompute each subgraph's audit
 * hash chain from its database and compare its end with the chain head kept apart
 * (`audit_chain_head`). With `--checkpoints`, also with the signed checkpoint last recorded in
 * that folder (outside the database), and record a new one for each chain found intact. Exit 0
 * when every chain is intact, 1 when any is broken or cannot be read, 2 when the subgraph named
 * does not exist.
 */
export async function auditVerify(args: { subgraph?: string; checkpoints?: string }): Promise<number> {
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
    const checkpointDir = args.checkpoints ? path.resolve(args.checkpoints) : undefined;
    const key = checkpointDir ? auditCheckpointKey(checkpointDir, readAuditCheckpointKey(env)) : undefined;
    for (const { definition } of selected) {
      const db = createDataSource(definition, { url: databaseUrlFor(definition.name, env, embeddedUrl), poolSize: 1 });
      try {
        const checkpoint = checkpointDir && key ? readAuditCheckpoint(checkpointDir, definition.name, key) : undefined;
        await db.initialize();
        const verdict = await verifyAuditChain(db, { checkpoint: checkpoint && { ...checkpoint, label: `recorded ${checkpoint.recordedAt}` } });
        if (verdict.ok) {
          let recorded = '';
          if (checkpointDir && key) {
            writeAuditCheckpoint(checkpointDir, { subgraph: definition.name, entries: verdict.entries, lastId: verdict.lastId, lastHash: verdict.head, recordedAt: new Date().toISOString() }, key);
            recorded = checkpoint ? ', extends its checkpoint; checkpoint recorded' : ', checkpoint recorded';
          }
          process.stdout.write(`${definition.name}: ${verdict.entries} ${verdict.entries === 1 ? 'entry' : 'entries'}, chain intact${recorded}\n`);
        } else {
          failed = true;
          process.stdout.write(`${definition.name}: chain broken at entry ${verdict.firstBadId}: ${verdict.reason}\n`);
        }
      } catch (error) {
        failed = true;
        const what = error instanceof AuditCheckpointError ? 'checkpoint refused' : 'cannot verify';
        process.stdout.write(`${definition.name}: ${what}: ${(error as Error).message}\n`);
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
