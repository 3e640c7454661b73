import { PassThrough } from 'node:stream';
import { Client } from 'pg';
import { createLogger } from '@cswb/contract/logging';
import type { DataSource } from 'typeorm';
import { verifyAuditChain, writeAuditEntry, writeAuditEntryAtDataVersion, type AuditEntryInput } from '@cswb/subgraph-kit/audit';
import { readDataVersion } from '@cswb/subgraph-kit/cache';
import { namedStatement, NamedStatementClient, SqlStatementCounter } from '@cswb/subgraph-kit/db';
import { openSharedTablesDatabase, withAuditLogGone, type SharedTablesDatabase } from '@cswb/testing/database';

describe('namedStatement (no database)', () => {
  it('refuses a name outside cswb_ and lower-case letters, digits or _', () => {
    expect(() => namedStatement('audit', 'SELECT 1')).toThrow(new TypeError('namedStatement: name must be cswb_ followed by lower-case letters, digits or _, got "audit"'));
    expect(() => namedStatement('cswb_Audit; DROP', 'SELECT 1')).toThrow(new TypeError('namedStatement: name must be cswb_ followed by lower-case letters, digits or _, got "cswb_Audit; DROP"'));
  });

  it('refuses one name for two statements, and two names for one statement', () => {
    expect(namedStatement('cswb_test_one', 'SELECT 1 AS one')).toBe('SELECT 1 AS one');
    expect(namedStatement('cswb_test_one', 'SELECT 1 AS one')).toBe('SELECT 1 AS one');
    expect(() => namedStatement('cswb_test_one', 'SELECT 2 AS two')).toThrow(new TypeError('namedStatement: cswb_test_one is registered already for another statement'));
    expect(() => namedStatement('cswb_test_uno', 'SELECT 1 AS one')).toThrow(new TypeError('namedStatement: this statement is registered already as cswb_test_one'));
  });
});

function entry(requestId: string): AuditEntryInput {
  return { requestId, subject: 'planner-1', agency: 'city', sector: null, purpose: 'planning', operationName: 'AreaProfile', fields: ['Query.areaProfile'], arguments: { 'Query.areaProfile': [{ id: 'w02' }] }, rowsReturned: 3 };
}

describe('named statements in PostgreSQL', () => {
  let database: SharedTablesDatabase;
  let db: DataSource;
  let owner: Client;
  const logged: string[] = [];
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => logged.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const counter = new SqlStatementCounter(createLogger({ service: 'cswb-test', level: 'info', format: 'json', out }));

  const preparedHere = async (): Promise<string[]> =>
    ((await db.query('SELECT name FROM pg_prepared_statements ORDER BY name')) as { name: string }[]).map((row) => row.name);
  const dataVersion = async (): Promise<string> => (await owner.query<{ v: string }>('SELECT version::text AS v FROM data_version')).rows[0].v;

  beforeAll(async () => {
    // One connection: what it has prepared is what `pg_prepared_statements` shows.
    database = await openSharedTablesDatabase('named_statements', { poolSize: 1, logger: counter });
    ({ db, owner } = database);
  });
  afterAll(() => database?.close());

  it('sends the audit append and the data version read as named statements, still seen by the data source logger', async () => {
    counter.reset();
    await writeAuditEntry(db, entry('a-1'));
    await writeAuditEntry(db, entry('a-2'));
    expect(await writeAuditEntryAtDataVersion(db, entry('a-3'), await dataVersion())).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await readDataVersion({ db })).toBe(await dataVersion());
    expect(await preparedHere()).toEqual(['cswb_audit_append_entries', 'cswb_audit_append_entries_at_data_version', 'cswb_read_data_version']);
    expect(counter.auditWrites).toBe(3);
    expect(counter.dataVersionReads).toBe(1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 3 });
  });

  it('checks the data version each time a prepared append runs: an answer from a version gone writes nothing', async () => {
    const before = await dataVersion();
    expect(await writeAuditEntryAtDataVersion(db, entry('v-1'), before)).toBeDefined();
    await owner.query('UPDATE data_version SET version = version + 1');
    const entries = (await owner.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_log')).rows[0].n;
    expect(await writeAuditEntryAtDataVersion(db, entry('v-2'), before)).toBeUndefined();
    expect(await readDataVersion({ db })).toBe(String(BigInt(before) + 1n));
    expect((await owner.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_log')).rows[0].n).toBe(entries);
    expect(await writeAuditEntryAtDataVersion(db, entry('v-3'), await dataVersion())).toBeDefined();
  });

  it('fails closed when the log is out of reach after the append was prepared, and appends to the chain once it is back', async () => {
    await writeAuditEntry(db, entry('g-1'));
    expect(await preparedHere()).toContain('cswb_audit_append_entries');
    await withAuditLogGone(owner, async () => {
      await expect(writeAuditEntry(db, entry('g-2'))).rejects.toMatchObject({ code: '42P01' });
      await expect(writeAuditEntryAtDataVersion(db, entry('g-3'), await dataVersion())).rejects.toMatchObject({ code: '42P01' });
    });
    // Each refusal logged with its SQLSTATE and statement, never a parameter.
    expect(logged.filter((line) => line.includes('"42P01"') && line.includes('INSERT INTO audit_log'))).toHaveLength(2);
    expect(logged.join('\n')).not.toMatch(/planner-1|g-2|g-3/);
    await writeAuditEntry(db, entry('g-4'));
    const ids = (await owner.query<{ request_id: string }>(`SELECT request_id FROM audit_log WHERE request_id LIKE 'g-%' ORDER BY id`)).rows.map((row) => row.request_id);
    expect(ids).toEqual(['g-1', 'g-4']);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('sends everything else as pg would: statements not registered, and registered text without parameters', async () => {
    const client = new NamedStatementClient({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('SELECT 1 AS one');
      await client.query('SELECT version::text AS version FROM data_version');
      expect((await client.query<{ n: string }>('SELECT count(*)::text AS n FROM pg_prepared_statements')).rows[0].n).toBe('0');
      await client.query('SELECT version::text AS version FROM data_version', []);
      expect((await client.query('SELECT name FROM pg_prepared_statements')).rows).toEqual([{ name: 'cswb_read_data_version' }]);
    } finally {
      await client.end();
    }
  });
});
