import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AUDIT_GENESIS_HASH, auditCheckpointKey, AuditCheckpointError, auditCheckpointPath, readAuditCheckpoint, writeAuditCheckpoint, auditCanonicalText, auditEntryFor, auditHash, CreateAuditLog1732139000000, isoMicroseconds, type AuditEntryInput, verifyAuditChain, writeAuditEntry } from '@cswb/subgraph-kit/audit';
import { createDataSource, ensureDatabase } from '@cswb/subgraph-kit/db';
import { sectorNames } from '@cswb/subgraph-kit/sector';
import { SubgraphDefinition } from '@cswb/subgraph-kit/server';
import { DataSource as DataSourceClass } from 'typeorm';
import type { DataSource } from 'typeorm';
import { dropDatabase, freshDatabaseUrl } from '@cswb/testing/database';

describe('audit canonical text (no database)', () => {
  it('is a compact JSON array of the previous hash and every hashed column, in order', () => {
    const text = auditCanonicalText({
      previousHash: AUDIT_GENESIS_HASH,
      occurredAt: '2024-11-20T14:03:07.000120Z',
      requestId: 'r-1',
      subject: 'ana',
      agency: null,
      sector: 'police',
      purpose: 'evaluation',
      operationName: null,
      fields: ['Query.policeOccurrences'],
      argumentsJson: '{"Query.policeOccurrences": [{"limit": 5}]}',
      rowsReturned: 5,
    });
    expect(text).toBe(
      `["${'0'.repeat(64)}","2024-11-20T14:03:07.000120Z","r-1","ana",null,"police","evaluation",null,["Query.policeOccurrences"],"{\\"Query.policeOccurrences\\": [{\\"limit\\": 5}]}",5]`,
    );
    expect(auditHash(fieldsOf(text))).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('formats epoch microseconds as UTC ISO with six digits', () => {
    expect(isoMicroseconds(1_732_111_387_000_120n)).toBe('2024-11-20T14:03:07.000120Z');
    expect(isoMicroseconds(0n)).toBe('1970-01-01T00:00:00.000000Z');
    expect(isoMicroseconds(-1n)).toBe('1969-12-31T23:59:59.999999Z');
  });

  it('names each subgraph its own auditors query', () => {
    expect(sectorNames('police').auditLogQueryName).toBe('policeAuditLog');
    expect(sectorNames('social-services').auditLogQueryName).toBe('socialServicesAuditLog');
  });

  it('makes one entry per request: distinct fields, each distinct argument set once, rows summed', () => {
    const entry = auditEntryFor({
      caller: { anonymous: false, subject: 's', agency: 'a', sector: 'police', scopes: [], purpose: 'evaluation' },
      requestId: 'req',
      operationName: 'Op',
      reads: [
        { coordinate: 'Query.a', args: { x: 1 }, rows: 3 },
        { coordinate: 'Query.a', args: { x: 1 }, rows: 2 },
        { coordinate: 'Query.a', args: { x: 2 }, rows: 0 },
        { coordinate: 'Thing.b', args: {}, rows: 1 },
      ],
    });
    expect(entry).toEqual({
      requestId: 'req',
      subject: 's',
      agency: 'a',
      sector: 'police',
      purpose: 'evaluation',
      operationName: 'Op',
      fields: ['Query.a', 'Thing.b'],
      arguments: { 'Query.a': [{ x: 1 }, { x: 2 }], 'Thing.b': [{}] },
      rowsReturned: 6,
    });
  });
});

/** Recovers the hashed fields from a canonical text (the inverse of auditCanonicalText). */
function fieldsOf(text: string) {
  const [previousHash, occurredAt, requestId, subject, agency, sector, purpose, operationName, fields, argumentsJson, rowsReturned] = JSON.parse(text);
  return { previousHash, occurredAt, requestId, subject, agency, sector, purpose, operationName, fields, argumentsJson, rowsReturned };
}

const AUDIT_ONLY = { name: 'audit-test', migrations: [], entities: [] } as unknown as SubgraphDefinition;

describe('audit log in PostgreSQL', () => {
  let url: string;
  let db: DataSource;

  beforeAll(async () => {
    url = freshDatabaseUrl('audit_chain');
    await ensureDatabase(url);
    db = createDataSource(AUDIT_ONLY, { url });
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
  });
  afterAll(async () => {
    if (db?.isInitialized) await db.destroy();
    if (url) await dropDatabase(url);
  });

  const awkward: Omit<AuditEntryInput, 'requestId' | 'rowsReturned'>[] = [
    { subject: null, agency: null, sector: null, purpose: null, operationName: null, fields: [] as string[], arguments: {} },
    {
      subject: 'ély "quoted" \\ back\tslash\nnewline \u0001 \u001f \u007f \u2028 😀',
      agency: 'agence-é',
      sector: 'police',
      purpose: 'evaluation',
      operationName: 'Op_1',
      fields: ['Query.a', 'Type.b,c', 'with "quote"', 'NULL', ''],
      arguments: { 'Query.a': [{ z: 1, a: [1.5, 1e21, -0, 'x"y', null, true], nested: { b: '😀', a: '' } }], long: [{ key: 'k'.repeat(300) }] },
    },
  ];

  it('computes in SQL exactly the canonical text and hash the JS verifier computes', async () => {
    for (const entry of awkward) await writeAuditEntry(db, { requestId: 'req', rowsReturned: 7, ...entry });
    const rows = (await db.query(
      `SELECT audit_log_canonical_text(a) AS sql_text, a.hash, a.previous_hash, request_id, subject, agency, sector, purpose, operation_name, fields,
              arguments::text AS arguments_json, rows_returned, (extract(epoch FROM occurred_at) * 1000000)::bigint::text AS us
         FROM audit_log a ORDER BY id`,
    )) as any[];
    expect(rows).toHaveLength(awkward.length);
    let previous = AUDIT_GENESIS_HASH;
    for (const row of rows) {
      const fields = {
        previousHash: row.previous_hash,
        occurredAt: isoMicroseconds(BigInt(row.us)),
        requestId: row.request_id,
        subject: row.subject,
        agency: row.agency,
        sector: row.sector,
        purpose: row.purpose,
        operationName: row.operation_name,
        fields: row.fields,
        argumentsJson: row.arguments_json,
        rowsReturned: row.rows_returned,
      };
      expect(auditCanonicalText(fields)).toBe(row.sql_text);
      expect(auditHash(fields)).toBe(row.hash);
      expect(row.previous_hash).toBe(previous);
      previous = row.hash;
    }
    expect(rows[1].subject).toBe(awkward[1].subject);
  });

  it('chains concurrent inserts in id order and verifies them in batches', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        writeAuditEntry(db, { requestId: `c${i}`, subject: null, agency: null, sector: null, purpose: null, operationName: null, fields: ['Q.f'], arguments: {}, rowsReturned: i }),
      ),
    );
    const count = Number((await db.query('SELECT count(*) AS n FROM audit_log'))[0].n);
    expect(count).toBe(awkward.length + 40);
    const verdict = await verifyAuditChain(db, 7);
    expect(verdict).toEqual({ ok: true, entries: count, head: (await db.query('SELECT hash FROM audit_log ORDER BY audit_log.id DESC LIMIT 1'))[0].hash, lastId: String(count) });
    const ids = (await db.query('SELECT id::int AS id FROM audit_log ORDER BY id')).map((r: { id: number }) => r.id);
    expect(ids).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  it('never forks the chain, whatever isolation level the writers choose: each entry follows the head its predecessor committed, or is refused', async () => {
    const before = Number((await db.query('SELECT count(*) AS n FROM audit_log'))[0].n);
    const levels = ['READ COMMITTED', 'REPEATABLE READ', 'SERIALIZABLE'] as const;
    // Each writer takes its snapshot first, then all append at once and hold their transactions open a moment.
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const runner = db.createQueryRunner();
        await runner.connect();
        try {
          await runner.startTransaction(levels[i % levels.length]);
          await runner.query('SELECT entries FROM audit_chain_head');
          await runner.query(`INSERT INTO audit_log (request_id, fields, arguments, rows_returned) VALUES ($1, '{}', '{}', 0)`, [`fork-${i}`]);
          await runner.query('SELECT pg_sleep(0.02)');
          await runner.commitTransaction();
          return 'written';
        } catch (error) {
          if (runner.isTransactionActive) await runner.rollbackTransaction();
          // Only a serialization failure may refuse an append, never a forked chain.
          expect((error as { driverError?: { code?: string } }).driverError?.code).toBe('40001');
          return 'refused';
        } finally {
          await runner.release();
        }
      }),
    );
    const written = outcomes.filter((o) => o === 'written').length;
    // A READ COMMITTED writer waits for the head and reads it anew: never refused.
    expect(outcomes.filter((_, i) => i % levels.length === 0)).toEqual(['written', 'written', 'written', 'written']);
    const count = Number((await db.query('SELECT count(*) AS n FROM audit_log'))[0].n);
    expect(count).toBe(before + written);
    const previous = await db.query('SELECT previous_hash FROM audit_log GROUP BY previous_hash HAVING count(*) > 1');
    expect(previous).toEqual([]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: count });
  });

  it('ignores the id, time and hashes a writer supplies', async () => {
    const [row] = await db.query(
      `INSERT INTO audit_log (id, occurred_at, request_id, fields, arguments, rows_returned, previous_hash, hash)
       VALUES (999999, '2000-01-01', 'forged', '{}', '{}', 0, 'x', 'y') RETURNING id::int AS id, occurred_at, previous_hash, hash`,
    );
    expect(row.id).not.toBe(999999);
    expect(row.occurred_at.getFullYear()).toBeGreaterThan(2000);
    expect(row.previous_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('detects a removed entry at the entry after it', async () => {
    await db.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    try {
      await db.query('DELETE FROM audit_log WHERE id = 3');
    } finally {
      await db.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    }
    expect(await verifyAuditChain(db)).toEqual({ ok: false, entries: 2, firstBadId: '4', reason: 'its previous hash does not match entry 2' });
  });
});

describe('the chain head, kept apart from the log', () => {
  let url: string;
  let db: DataSource;
  const entry = (i: number): AuditEntryInput => ({
    requestId: `h${i}`,
    subject: null,
    agency: null,
    sector: null,
    purpose: null,
    operationName: null,
    fields: ['Q.f'],
    arguments: {},
    rowsReturned: i,
  });

  /** What an owner (or a superuser) can do: switch the guarding triggers off around a statement. */
  async function withTriggersOff(tables: string[], sql: string): Promise<void> {
    for (const table of tables) await db.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    try {
      await db.query(sql);
    } finally {
      for (const table of tables) await db.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    }
  }

  beforeAll(async () => {
    url = freshDatabaseUrl('audit_head');
    await ensureDatabase(url);
    db = createDataSource(AUDIT_ONLY, { url });
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    for (let i = 1; i <= 5; i++) await writeAuditEntry(db, entry(i));
  });
  afterAll(async () => {
    if (db?.isInitialized) await db.destroy();
    if (url) await dropDatabase(url);
  });

  it('moves with every entry, in the same transaction', async () => {
    const [head] = await db.query('SELECT entries::int AS entries, last_id::text AS last_id, last_hash FROM audit_chain_head');
    const [last] = await db.query('SELECT id::text AS id, hash FROM audit_log ORDER BY audit_log.id DESC LIMIT 1');
    expect(head).toEqual({ entries: 5, last_id: last.id, last_hash: last.hash });
    // An entry rolled back leaves the head where it was.
    await expect(
      db.transaction(async (manager) => {
        await manager.query(`INSERT INTO audit_log (request_id, fields, arguments, rows_returned) VALUES ('rolled-back', '{}', '{}', 0)`);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.query('SELECT entries::int AS entries, last_id::text AS last_id, last_hash FROM audit_chain_head')).toEqual([head]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 5, lastId: last.id });
  });

  it('refuses to be moved, removed or refilled except by an append, even by the owner', async () => {
    await expect(db.query('UPDATE audit_chain_head SET entries = entries - 1')).rejects.toThrow('audit_chain_head is moved only by appending to audit_log');
    await expect(db.query('DELETE FROM audit_chain_head')).rejects.toThrow('audit_chain_head is moved only by appending to audit_log');
    await expect(db.query('TRUNCATE audit_chain_head')).rejects.toThrow('audit_chain_head is moved only by appending to audit_log');
    await expect(db.query(`INSERT INTO audit_chain_head (singleton, entries, last_hash) VALUES (true, 0, 'x')`)).rejects.toThrow(
      /audit_chain_head is moved only by appending|duplicate key/,
    );
  });

  it('makes verification fail when the newest entry is deleted, naming it', async () => {
    const [last] = await db.query('SELECT id::text AS id FROM audit_log ORDER BY audit_log.id DESC LIMIT 1');
    await withTriggersOff(['audit_log'], `DELETE FROM audit_log WHERE id = ${Number(last.id)}`);
    const [kept] = await db.query('SELECT id::text AS id FROM audit_log ORDER BY audit_log.id DESC LIMIT 1');
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      entries: 4,
      firstBadId: last.id,
      reason: `the newest entry was removed: the chain ends at entry ${kept.id} (4 entries), but its head records 5 entries ending at entry ${last.id}`,
    });
  });

  it('chains the next entry to the removed one, so the gap stays visible after it', async () => {
    const [removed] = await db.query('SELECT last_id::text AS id FROM audit_chain_head');
    await writeAuditEntry(db, entry(6));
    const verdict = await verifyAuditChain(db);
    expect(verdict).toMatchObject({ ok: false, entries: 4, reason: `its previous hash does not match entry ${Number(removed.id) - 1}` });
  });

  it('with the head moved back too, passes on its own, and fails against a checkpoint kept outside the database', async () => {
    const fresh = freshDatabaseUrl('audit_checkpoint');
    await ensureDatabase(fresh);
    const other = createDataSource(AUDIT_ONLY, { url: fresh });
    await other.initialize();
    try {
      await other.runMigrations({ transaction: 'each' });
      for (let i = 1; i <= 3; i++) await writeAuditEntry(other, entry(i));
      const intact = await verifyAuditChain(other);
      if (!intact.ok) throw new Error(intact.reason);
      const checkpoint = { entries: intact.entries, lastId: intact.lastId, lastHash: intact.head, label: 'recorded earlier' };
      await writeAuditEntry(other, entry(4));
      // Extended since: still consistent with the checkpoint.
      expect(await verifyAuditChain(other, { checkpoint })).toMatchObject({ ok: true, entries: 4 });

      // The owner removes entries 3 and 4 and sets the head back to entry 2, triggers off.
      const [second] = await other.query('SELECT id::text AS id, hash FROM audit_log WHERE id = 2');
      for (const table of ['audit_log', 'audit_chain_head']) await other.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
      await other.query('DELETE FROM audit_log WHERE id > 2');
      await other.query('UPDATE audit_chain_head SET entries = 2, last_id = 2, last_hash = $1', [second.hash]);
      for (const table of ['audit_log', 'audit_chain_head']) await other.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);

      expect(await verifyAuditChain(other)).toMatchObject({ ok: true, entries: 2 });
      expect(await verifyAuditChain(other, { checkpoint })).toEqual({
        ok: false,
        entries: 2,
        firstBadId: '3',
        reason: 'the newest entry was removed: the chain ends at entry 2 (2 entries), but the checkpoint kept outside the database (recorded earlier) records 3 entries ending at entry 3',
      });
    } finally {
      await other.destroy();
      await dropDatabase(fresh);
    }
  });
});

describe('audit checkpoints on disk', () => {
  it('are signed: a changed or re-signed file is refused, a missing one is none', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-checkpoints-'));
    try {
      const key = auditCheckpointKey(dir);
      expect(auditCheckpointKey(dir)).toEqual(key);
      expect((fs.statSync(path.join(dir, 'checkpoint.key')).mode & 0o777).toString(8)).toBe('600');
      expect(readAuditCheckpoint(dir, 'police', key)).toBeUndefined();
      const checkpoint = { subgraph: 'police', entries: 3, lastId: '3', lastHash: 'a'.repeat(64), recordedAt: '2025-01-01T00:00:00.000Z' };
      writeAuditCheckpoint(dir, checkpoint, key);
      expect(readAuditCheckpoint(dir, 'police', key)).toEqual(checkpoint);

      const file = auditCheckpointPath(dir, 'police');
      const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(file, JSON.stringify({ ...stored, entries: 2, lastId: '2' }));
      expect(() => readAuditCheckpoint(dir, 'police', key)).toThrow(AuditCheckpointError);
      writeAuditCheckpoint(dir, { ...checkpoint, entries: 2, lastId: '2' }, Buffer.from('another key of at least 32 characters!!'));
      expect(() => readAuditCheckpoint(dir, 'police', key)).toThrow('the signature does not match');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a log written before the chain head existed', () => {
  it('gets a head from its current end, and the chain goes on from it', async () => {
    const url = freshDatabaseUrl('audit_upgrade');
    await ensureDatabase(url);
    const before = new DataSourceClass({ type: 'postgres', url, migrations: [CreateAuditLog1732139000000], migrationsTableName: 'typeorm_migrations', logging: ['error'] });
    await before.initialize();
    try {
      await before.runMigrations({ transaction: 'each' });
      for (let i = 0; i < 3; i++) {
        await writeAuditEntry(before, { requestId: `old${i}`, subject: null, agency: null, sector: null, purpose: null, operationName: null, fields: [], arguments: {}, rowsReturned: i });
      }
    } finally {
      await before.destroy();
    }
    const after = createDataSource(AUDIT_ONLY, { url });
    await after.initialize();
    try {
      await after.runMigrations({ transaction: 'each' });
      const [last] = await after.query('SELECT id::text AS id, hash FROM audit_log ORDER BY audit_log.id DESC LIMIT 1');
      expect(await after.query('SELECT entries::int AS entries, last_id::text AS last_id, last_hash FROM audit_chain_head')).toEqual([
        { entries: 3, last_id: last.id, last_hash: last.hash },
      ]);
      await writeAuditEntry(after, { requestId: 'new', subject: null, agency: null, sector: null, purpose: null, operationName: null, fields: [], arguments: {}, rowsReturned: 0 });
      expect(await verifyAuditChain(after)).toMatchObject({ ok: true, entries: 4 });
    } finally {
      await after.destroy();
      await dropDatabase(url);
    }
  });
});
