import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { verifyAuditChain, writeAuditEntry, writeAuditEntryAtDataVersion, type AuditEntryInput } from '@cswb/subgraph-kit/audit';
import { SqlStatementCounter } from '@cswb/subgraph-kit/db';
import { openSharedTablesDatabase, withAuditLogGone, type SharedTablesDatabase } from '@cswb/testing/database';

function entry(requestId: string, overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return { requestId, subject: `planner-${requestId}`, agency: 'city', sector: null, purpose: 'planning', operationName: 'AreaProfile', fields: ['Query.areaProfile'], arguments: { 'Query.areaProfile': [{ id: requestId }] }, rowsReturned: 3, ...overrides };
}

interface LoggedRow {
  id: string;
  request_id: string;
  subject: string | null;
  fields: string[];
  arguments: Record<string, unknown>;
  rows_returned: number;
  hash: string;
}

/**
 * Entries that several requests ask for at once share one statement (`writeAuditEntry`). What
 * each request gets back must still be its own: its entry written or refused on its own terms,
 * never counted as written because another's row was.
 */
describe('audit entries asked for at once', () => {
  let database: SharedTablesDatabase;
  let db: DataSource;
  let owner: Client;
  const counter = new SqlStatementCounter();

  const logged = async (prefix: string): Promise<LoggedRow[]> =>
    (await owner.query<LoggedRow>(`SELECT id::text AS id, request_id, subject, fields, arguments, rows_returned, hash FROM audit_log WHERE request_id LIKE $1 ORDER BY audit_log.id`, [`${prefix}%`])).rows;
  const dataVersion = async (): Promise<string> => (await owner.query<{ v: string }>('SELECT version::text AS v FROM data_version')).rows[0].v;

  beforeAll(async () => {
    database = await openSharedTablesDatabase('audit_batches', { poolSize: 4, logger: counter });
    ({ db, owner } = database);
  });
  afterAll(() => database?.close());

  it('writes them in one statement, chained in the order asked, each with its own id and hash and its own columns', async () => {
    counter.reset();
    const asked = Array.from({ length: 10 }, (_, i) => entry(`one-${i}`, { rowsReturned: i, fields: i % 2 ? ['Query.a', 'Query.b'] : [] }));
    const written = await Promise.all(asked.map((one) => writeAuditEntry(db, one)));
    expect(counter.auditWrites).toBe(1);
    const rows = await logged('one-');
    expect(rows.map((row) => row.request_id)).toEqual(asked.map((one) => one.requestId));
    expect(written).toEqual(rows.map(({ id, hash }) => ({ id, hash })));
    expect(rows.map(({ subject, fields, arguments: args, rows_returned }) => ({ subject, fields, arguments: args, rows_returned }))).toEqual(
      asked.map((one) => ({ subject: one.subject, fields: one.fields, arguments: one.arguments, rows_returned: one.rowsReturned })),
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('gives two entries of one request id each its own row', async () => {
    const [first, second] = await Promise.all([writeAuditEntry(db, entry('twice', { rowsReturned: 1 })), writeAuditEntry(db, entry('twice', { rowsReturned: 2 }))]);
    const rows = await logged('twice');
    expect(rows.map((row) => row.rows_returned)).toEqual([1, 2]);
    expect([first, second]).toEqual(rows.map(({ id, hash }) => ({ id, hash })));
  });

  it('writes a stale answer’s entry nowhere, even in a statement with fresh and unconditional ones, and says so to it alone', async () => {
    const stale = await dataVersion();
    await owner.query('UPDATE data_version SET version = version + 1');
    const fresh = await dataVersion();
    counter.reset();
    const [staleAnswer, freshAnswer, unconditional, staleAgain] = await Promise.all([
      writeAuditEntryAtDataVersion(db, entry('mix-stale'), stale),
      writeAuditEntryAtDataVersion(db, entry('mix-fresh'), fresh),
      writeAuditEntry(db, entry('mix-plain')),
      writeAuditEntryAtDataVersion(db, entry('mix-stale-again'), stale),
    ]);
    expect(counter.auditWrites).toBe(1);
    expect(staleAnswer).toBeUndefined();
    expect(staleAgain).toBeUndefined();
    expect(freshAnswer).toBeDefined();
    expect(unconditional).toBeDefined();
    expect((await logged('mix-')).map((row) => row.request_id)).toEqual(['mix-fresh', 'mix-plain']);
  });

  it('writes nothing for a batch of stale answers alone', async () => {
    const stale = await dataVersion();
    await owner.query('UPDATE data_version SET version = version + 1');
    const answers = await Promise.all([writeAuditEntryAtDataVersion(db, entry('gone-1'), stale), writeAuditEntryAtDataVersion(db, entry('gone-2'), stale)]);
    expect(answers).toEqual([undefined, undefined]);
    expect(await logged('gone-')).toEqual([]);
  });

  it('refuses only the entry the database refuses: the others in its statement are written and resolved', async () => {
    counter.reset();
    const version = await dataVersion();
    const outcomes = await Promise.allSettled([
      writeAuditEntry(db, entry('bad-before')),
      writeAuditEntry(db, entry('bad-refused', { rowsReturned: -1 })),
      writeAuditEntryAtDataVersion(db, entry('bad-after'), version),
      writeAuditEntry(db, entry('bad-nul', { subject: 'a\u0000b' })),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(outcomes[1]).toMatchObject({ reason: { code: '23514' } });
    // Tried alone, the entries are separate statements at once: which chains first is not fixed.
    expect((await logged('bad-')).map((row) => row.request_id).sort()).toEqual(['bad-after', 'bad-before']);
    // The statement of four, refused whole, then each alone.
    expect(counter.auditWrites).toBe(5);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('refuses every entry, and writes none, while the log is out of reach; the chain goes on once it is back', async () => {
    const version = await dataVersion();
    await withAuditLogGone(owner, async () => {
      const outcomes = await Promise.allSettled([writeAuditEntry(db, entry('away-1')), writeAuditEntryAtDataVersion(db, entry('away-2'), version), writeAuditEntry(db, entry('away-3'))]);
      expect(outcomes).toEqual(outcomes.map(() => expect.objectContaining({ status: 'rejected', reason: expect.objectContaining({ code: '42P01' }) })));
    });
    await writeAuditEntry(db, entry('away-back'));
    expect((await logged('away-')).map((row) => row.request_id)).toEqual(['away-back']);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('splits more than 64 entries asked at once over statements of at most 64, every one written', async () => {
    counter.reset();
    const asked = Array.from({ length: 150 }, (_, i) => `many-${String(i).padStart(3, '0')}`);
    const written = await Promise.all(asked.map((requestId) => writeAuditEntry(db, entry(requestId))));
    expect(counter.auditWrites).toBe(3);
    expect(new Set(written.map((one) => one.id)).size).toBe(150);
    // The three statements run at once on the pool, so they may chain in any order; each keeps its own entries' order.
    const chained = (await logged('many-')).map((row) => row.request_id);
    expect([...chained].sort()).toEqual(asked);
    for (const statement of [asked.slice(0, 64), asked.slice(64, 128), asked.slice(128)]) expect(chained.filter((id) => statement.includes(id))).toEqual(statement);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
