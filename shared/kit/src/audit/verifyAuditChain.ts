import type { DataSource } from 'typeorm';
import { AUDIT_GENESIS_HASH } from './auditCanonicalText';
import { auditHash } from './auditHash';
import { isoMicroseconds } from './isoMicroseconds';

export type AuditChainVerdict =
  /** `entries` were checked; `head` is the newest hash (the genesis hash when empty), `lastId` the newest id. */
  | { ok: true; entries: number; head: string; lastId: string | null }
  /**
   * `entries` intact before `firstBadId`, the first entry that does not verify (for entries
   * removed from the end: the newest one the head or checkpoint records).
   */
  | { ok: false; entries: number; firstBadId: string; reason: string };

const BATCH_SIZE = 10_000;

interface StoredEntry {
  id: string;
  occurred_at_us: string;
  request_id: string;
  subject: string | null;
  agency: string | null;
  sector: string | null;
  purpose: string | null;
  operation_name: string | null;
  fields: (string | null)[];
  arguments_json: string;
  rows_returned: number;
  previous_hash: string;
  hash: string;
}

/** What the chain's head, kept apart in `audit_chain_head`, or a checkpoint of it, says the chain ends with. */
export interface AuditChainEnd {
  entries: number;
  /** The newest entry's id; null when the log was empty. */
  lastId: string | null;
  lastHash: string;
}

export interface VerifyAuditChainOptions {
  batchSize?: number;
  /**
   * A head recorded earlier outside the database (`cswb audit verify --checkpoints`): the chain
   * must still hold that entry, with that hash, at that position. Catches the newest entries
   * removed together with the head moved back, which the database alone cannot show.
   */
  checkpoint?: AuditChainEnd & { label?: string };
}

interface HeadRow {
  entries: string;
  last_id: string | null;
  last_hash: string;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function newestRemoved(missing: number): string {
  return missing === 1 ? 'the newest entry was removed' : `the newest ${missing} entries were removed`;
}

/**
 * Recomputes every hash of the subgraph's audit log in id order, in batches, independently of
 * the database's trigger: an entry whose contents changed, or that was removed or inserted out
 * of the chain, makes it fail at the first entry affected. Then compares the chain's end with
 * its head (`audit_chain_head`, moved by the insert trigger in the insert's transaction): fewer
 * entries than the head records means the newest were removed. Everything is read from one
 * snapshot, so entries appended meanwhile do not disturb it.
 */
export async function verifyAuditChain(db: DataSource, options: number | VerifyAuditChainOptions = {}): Promise<AuditChainVerdict> {
  const { batchSize = BATCH_SIZE, checkpoint } = typeof options === 'number' ? { batchSize: options } : options;
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      return await verifyInSnapshot((sql, parameters) => runner.query(sql, parameters), batchSize, checkpoint);
    } finally {
      await runner.query('ROLLBACK').catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}

async function verifyInSnapshot(
  query: (sql: string, parameters?: unknown[]) => Promise<unknown[]>,
  batchSize: number,
  checkpoint: VerifyAuditChainOptions['checkpoint'],
): Promise<AuditChainVerdict> {
  const [{ present }] = (await query(`SELECT to_regclass('audit_chain_head') IS NOT NULL AS present`)) as { present: boolean }[];
  const headRows = present ? ((await query('SELECT entries::text, last_id::text, last_hash FROM audit_chain_head')) as HeadRow[]) : [];
  let previous = AUDIT_GENESIS_HASH;
  let previousId: string | null = null;
  let entries = 0;
  let checkpointSeen = false;
  for (;;) {
    const batch = (await query(
      `SELECT id::text AS id,
              (extract(epoch FROM occurred_at) * 1000000)::bigint::text AS occurred_at_us,
              request_id, subject, agency, sector, purpose, operation_name, fields,
              arguments::text AS arguments_json, rows_returned, previous_hash, hash
         FROM audit_log
        WHERE id > $1
        ORDER BY audit_log.id
        LIMIT $2`,
      [previousId ?? '0', batchSize],
    )) as StoredEntry[];
    for (const row of batch) {
      if (row.previous_hash !== previous) {
        const link = previousId === null ? 'the start of the chain' : `entry ${previousId}`;
        return { ok: false, entries, firstBadId: row.id, reason: `its previous hash does not match ${link}` };
      }
      const expected = auditHash({
        previousHash: row.previous_hash,
        occurredAt: isoMicroseconds(BigInt(row.occurred_at_us)),
        requestId: row.request_id,
        subject: row.subject,
        agency: row.agency,
        sector: row.sector,
        purpose: row.purpose,
        operationName: row.operation_name,
        fields: row.fields,
        argumentsJson: row.arguments_json,
        rowsReturned: row.rows_returned,
      });
      if (row.hash !== expected) {
        return { ok: false, entries, firstBadId: row.id, reason: 'its contents do not match its hash' };
      }
      previous = row.hash;
      previousId = row.id;
      entries += 1;
      if (checkpoint && row.id === checkpoint.lastId) {
        checkpointSeen = true;
        if (row.hash !== checkpoint.lastHash || entries !== checkpoint.entries) {
          const label = checkpoint.label ? ` (${checkpoint.label})` : '';
          return {
            ok: false,
            entries: entries - 1,
            firstBadId: row.id,
            reason: `the checkpoint kept outside the database${label} records entry ${row.id} as entry number ${checkpoint.entries} with hash ${checkpoint.lastHash.slice(0, 12)}…; the chain has it as number ${entries} with hash ${row.hash.slice(0, 12)}…`,
          };
        }
      }
    }
    if (batch.length < batchSize) break;
  }
  const end: AuditChainEnd = { entries, lastId: previousId, lastHash: previous };
  const ends = `the chain ends at ${previousId === null ? 'no entry' : `entry ${previousId}`} (${plural(entries, 'entry', 'entries')})`;
  if (checkpoint && !checkpointSeen && checkpoint.entries > 0) {
    const label = checkpoint.label ? ` (${checkpoint.label})` : '';
    const missing = checkpoint.entries - entries;
    return {
      ok: false,
      entries,
      firstBadId: checkpoint.lastId ?? '0',
      reason:
        (missing > 0 ? `${newestRemoved(missing)}: ` : 'entries were removed or replaced: ') +
        `${ends}, but the checkpoint kept outside the database${label} records ${plural(checkpoint.entries, 'entry', 'entries')} ending at entry ${checkpoint.lastId}`,
    };
  }
  if (!present) {
    return { ok: false, entries, firstBadId: previousId ?? '0', reason: 'the chain head (table audit_chain_head) is missing: run the migrations (cswb migrate)' };
  }
  if (headRows.length !== 1) {
    return { ok: false, entries, firstBadId: previousId ?? '0', reason: 'the chain head (the row of audit_chain_head) was removed' };
  }
  const head: AuditChainEnd = { entries: Number(headRows[0].entries), lastId: headRows[0].last_id, lastHash: headRows[0].last_hash };
  if (head.entries > end.entries) {
    const missing = head.entries - end.entries;
    return {
      ok: false,
      entries,
      firstBadId: head.lastId ?? '0',
      reason: `${newestRemoved(missing)}: ${ends}, but its head records ${plural(head.entries, 'entry', 'entries')} ending at entry ${head.lastId}`,
    };
  }
  if (head.entries !== end.entries || head.lastId !== end.lastId || head.lastHash !== end.lastHash) {
    return {
      ok: false,
      entries,
      firstBadId: end.lastId ?? '0',
      reason: `${ends}, but its head records ${plural(head.entries, 'entry', 'entries')} ending at ${head.lastId === null ? 'no entry' : `entry ${head.lastId}`} with hash ${head.lastHash.slice(0, 12)}…: the head was moved or entries were added past the chain trigger`,
    };
  }
  return { ok: true, entries, head: previous, lastId: previousId };
}
