/** The previous hash of the first entry. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** What an audit entry's hash covers: the previous hash and every column but id and hash. */
export interface AuditHashedFields {
  previousHash: string;
  /** UTC, ISO 8601 with microseconds: `2024-11-20T14:03:07.123456Z`. */
  occurredAt: string;
  requestId: string;
  subject: string | null;
  agency: string | null;
  sector: string | null;
  purpose: string | null;
  operationName: string | null;
  fields: readonly (string | null)[];
  /** The `arguments` column as PostgreSQL prints jsonb (`arguments::text`). */
  argumentsJson: string;
  rowsReturned: number;
}

/**
 * The text an entry's hash is the SHA-256 of (UTF-8, hex): a compact JSON array, in this
 * order. The database computes the same text in `audit_log_canonical_text` (migration
 * CreateAuditLog1732139000000); test/audit.test.ts checks that they agree.
 */
export function auditCanonicalText(entry: AuditHashedFields): string {
  return JSON.stringify([
    entry.previousHash,
    entry.occurredAt,
    entry.requestId,
    entry.subject,
    entry.agency,
    entry.sector,
    entry.purpose,
    entry.operationName,
    entry.fields,
    entry.argumentsJson,
    entry.rowsReturned,
  ]);
}
