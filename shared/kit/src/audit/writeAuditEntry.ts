import type { DataSource } from 'typeorm';
import { namedStatement } from '../db/NamedStatementClient';

/** One request's reads of protected fields, as the subgraph that served them records them. */
export interface AuditEntryInput {
  requestId: string;
  subject: string | null;
  agency: string | null;
  sector: string | null;
  purpose: string | null;
  operationName: string | null;
  /** Distinct field coordinates read, e.g. `Query.policeOccurrences`. */
  fields: string[];
  /** The arguments of each read, by coordinate: never the results. */
  arguments: Record<string, Record<string, unknown>[]>;
  rowsReturned: number;
}

/** The columns an entry writes, in the order of `auditEntryParameters`; the database fills in the rest. */
const AUDIT_COLUMNS = '(request_id, subject, agency, sector, purpose, operation_name, fields, arguments, rows_returned)';

const APPEND = namedStatement(
  'cswb_audit_append',
  `INSERT INTO audit_log ${AUDIT_COLUMNS}
   VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::jsonb, $9)
   RETURNING id::text AS id, hash`,
);

const APPEND_AT_DATA_VERSION = namedStatement(
  'cswb_audit_append_at_data_version',
  `INSERT INTO audit_log ${AUDIT_COLUMNS}
   SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text[], $8::jsonb, $9::int
   WHERE (SELECT version FROM data_version) = $10::bigint
   RETURNING id::text AS id, hash`,
);

/**
 * Appends one entry to the subgraph's `audit_log`. The database assigns the id and the time
 * and chains the hash (see CreateAuditLog1732139000000); this never updates anything.
 */
export async function writeAuditEntry(db: DataSource, entry: AuditEntryInput): Promise<{ id: string; hash: string }> {
  const rows = (await db.query(APPEND, auditEntryParameters(entry))) as { id: string; hash: string }[];
  return rows[0];
}

/**
 * Appends the entry only if the sector's data version (`data_version`) is still `dataVersion`,
 * checked in the same statement: an answer kept from that version is then still the answer, and
 * serving it costs one round trip. Undefined, and nothing written, when the version has moved.
 */
export async function writeAuditEntryAtDataVersion(db: DataSource, entry: AuditEntryInput, dataVersion: string): Promise<{ id: string; hash: string } | undefined> {
  const rows = (await db.query(APPEND_AT_DATA_VERSION, [...auditEntryParameters(entry), dataVersion])) as { id: string; hash: string }[];
  return rows[0];
}

function auditEntryParameters(entry: AuditEntryInput): unknown[] {
  return [
    entry.requestId,
    entry.subject,
    entry.agency,
    entry.sector,
    entry.purpose,
    entry.operationName,
    entry.fields,
    JSON.stringify(entry.arguments),
    entry.rowsReturned,
  ];
}
