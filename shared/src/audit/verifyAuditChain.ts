import type { DataSource } from 'typeorm';
import { AUDIT_GENESIS_HASH } from './auditCanonicalText';
import { auditHash } from './auditHash';
import { isoMicroseconds } from './isoMicroseconds';

export type AuditChainVerdict =
  /** `entries` were checked; `head` is the newest hash (the genesis hash when empty). */
  | { ok: true; entries: number; head: string }
  /** `entries` intact before `firstBadId`, the first entry that does not verify. */
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

/**
 * Recomputes every hash of the subgraph's audit log in id order, in batches, independently of
 * the database's trigger: an entry whose contents changed, or that was removed or inserted out
 * of the chain, makes it fail at the first entry affected.
 */
export async function verifyAuditChain(db: DataSource, batchSize = BATCH_SIZE): Promise<AuditChainVerdict> {
  let previous = AUDIT_GENESIS_HASH;
  let previousId: string | null = null;
  let entries = 0;
  for (;;) {
    const batch = (await db.query(
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
    }
    if (batch.length < batchSize) return { ok: true, entries, head: previous };
  }
}
