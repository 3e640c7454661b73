import DataLoader from 'dataloader';
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

/** An entry as written: the id and chained hash the database gave it. */
export interface WrittenAuditEntry {
  id: string;
  hash: string;
}

interface PendingAuditEntry {
  entry: AuditEntryInput;
  /** Written only while the sector's data version is this one; always when undefined. */
  atDataVersion?: string;
}

/** The entries of one statement, in the order asked: the trigger takes the next id per row under the chain head's lock. */
const INSERT_ENTRIES = `INSERT INTO audit_log (request_id, subject, agency, sector, purpose, operation_name, fields, arguments, rows_returned)
   SELECT e.request_id, e.subject, e.agency, e.sector, e.purpose, e.operation_name,
          ARRAY(SELECT jsonb_array_elements_text(e.fields)), e.arguments, e.rows_returned
   FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[], $9::int[], $10::bigint[])
        WITH ORDINALITY AS e(request_id, subject, agency, sector, purpose, operation_name, fields, arguments, rows_returned, at_data_version, position)`;

const APPEND_ENTRIES = namedStatement('cswb_audit_append_entries', `${INSERT_ENTRIES} ORDER BY e.position RETURNING id::text AS id, hash, request_id, NULL::text AS data_version`);

/** As `APPEND_ENTRIES`, each row written only if unconditional or its data version is still the sector's, checked in the statement; each row says the version it was checked against. */
const APPEND_ENTRIES_AT_DATA_VERSION = namedStatement(
  'cswb_audit_append_entries_at_data_version',
  `${INSERT_ENTRIES}
   WHERE e.at_data_version IS NULL OR e.at_data_version = (SELECT version FROM data_version)
   ORDER BY e.position
   RETURNING id::text AS id, hash, request_id, (SELECT version::text FROM data_version) AS data_version`,
);

/** At most this many entries in one statement; more wait for the next. */
const MAX_ENTRIES_PER_STATEMENT = 64;

interface AppendedRow extends WrittenAuditEntry {
  request_id: string;
  data_version: string | null;
}

async function appendInOneStatement(db: DataSource, pending: readonly PendingAuditEntry[]): Promise<(WrittenAuditEntry | undefined)[]> {
  const column = <T>(value: (entry: AuditEntryInput) => T) => pending.map(({ entry }) => value(entry));
  const checked = pending.some(({ atDataVersion }) => atDataVersion !== undefined);
  const rows = (await db.query(checked ? APPEND_ENTRIES_AT_DATA_VERSION : APPEND_ENTRIES, [
    column((entry) => entry.requestId),
    column((entry) => entry.subject),
    column((entry) => entry.agency),
    column((entry) => entry.sector),
    column((entry) => entry.purpose),
    column((entry) => entry.operationName),
    column((entry) => JSON.stringify(entry.fields)),
    column((entry) => JSON.stringify(entry.arguments)),
    column((entry) => entry.rowsReturned),
    pending.map(({ atDataVersion }) => atDataVersion ?? null),
  ])) as AppendedRow[];
  const version = rows[0]?.data_version;
  const written = pending.map(({ atDataVersion }) => atDataVersion === undefined || atDataVersion === version);
  const expected = written.filter(Boolean).length;
  if (rows.length !== expected) throw new Error(`the audit log took ${rows.length} of ${pending.length} entries, not the ${expected} expected`);
  // Each entry its own row: rows of one request id, in id order, go to its entries in the order asked.
  const rowsByRequest = new Map<string, AppendedRow[]>();
  for (const row of [...rows].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))) {
    const same = rowsByRequest.get(row.request_id);
    if (same) same.push(row);
    else rowsByRequest.set(row.request_id, [row]);
  }
  return pending.map(({ entry }, i) => {
    if (!written[i]) return undefined;
    const { id, hash } = rowsByRequest.get(entry.requestId)!.shift()!;
    return { id, hash };
  });
}

async function appendBatch(db: DataSource, pending: readonly PendingAuditEntry[]): Promise<(WrittenAuditEntry | undefined | Error)[]> {
  try {
    return await appendInOneStatement(db, pending);
  } catch (error) {
    if (pending.length === 1) return [error instanceof Error ? error : new Error(String(error))];
    // Nothing of the statement was written. Each entry alone, so one the database refuses costs only its own request.
    return Promise.all(pending.map((one) => appendInOneStatement(db, [one]).then(([written]) => written, (alone: unknown) => (alone instanceof Error ? alone : new Error(String(alone))))));
  }
}

const writers = new WeakMap<DataSource, DataLoader<PendingAuditEntry, WrittenAuditEntry | undefined>>();

function writerOf(db: DataSource): DataLoader<PendingAuditEntry, WrittenAuditEntry | undefined> {
  let writer = writers.get(db);
  if (!writer) {
    writer = new DataLoader((pending) => appendBatch(db, pending), { cache: false, maxBatchSize: MAX_ENTRIES_PER_STATEMENT, batchScheduleFn: (dispatch) => setImmediate(dispatch) });
    writers.set(db, writer);
  }
  return writer;
}

/**
 * Appends one entry to the subgraph's `audit_log`, resolving once it is committed. The database
 * assigns the id and the time and chains the hash (see CreateAuditLog1732139000000); this never
 * updates anything. Entries other requests ask for in the same turn of the event loop go in the
 * same statement (one round trip and one commit for all), each still resolved or refused on its
 * own: a statement refused is tried again entry by entry.
 */
export function writeAuditEntry(db: DataSource, entry: AuditEntryInput): Promise<WrittenAuditEntry> {
  return writerOf(db).load({ entry }) as Promise<WrittenAuditEntry>;
}

/**
 * Appends the entry only if the sector's data version (`data_version`) is still `dataVersion`,
 * checked in the statement that writes it: an answer kept from that version is then still the
 * answer, and serving it costs one round trip. Undefined, and nothing written, when the version
 * has moved. Batched as `writeAuditEntry`.
 */
export function writeAuditEntryAtDataVersion(db: DataSource, entry: AuditEntryInput, dataVersion: string): Promise<WrittenAuditEntry | undefined> {
  return writerOf(db).load({ entry, atDataVersion: dataVersion });
}
