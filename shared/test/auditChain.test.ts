import { createHash } from 'node:crypto';
import {
  AUDIT_GENESIS_HASH,
  auditCanonicalText,
  auditEntryFor,
  auditHash,
  auditLogQueryName,
  createDataSource,
  ensureDatabase,
  isoMicroseconds,
  SubgraphDefinition,
  type AuditEntryInput,
  verifyAuditChain,
  writeAuditEntry,
} from '@cswb/shared';
import type { DataSource } from 'typeorm';
import { dropDatabase, freshDatabaseUrl } from '../../test/support/database';

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
    expect(auditLogQueryName('police')).toBe('policeAuditLog');
    expect(auditLogQueryName('social-services')).toBe('socialServicesAuditLog');
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
    expect(verdict).toEqual({ ok: true, entries: count, head: (await db.query('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1'))[0].hash });
    const ids = (await db.query('SELECT id::int AS id FROM audit_log ORDER BY id')).map((r: { id: number }) => r.id);
    expect(ids).toEqual(Array.from({ length: count }, (_, i) => i + 1));
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
