import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { envPrefix } from '@cswb/contract/config';
import { verifyAuditChain } from '@cswb/subgraph-kit/audit';
import type { DataSource } from 'typeorm';
import { CliResult, cswb } from '@cswb/testing/cli';
import { withAuditLogGone } from '@cswb/testing/database';
import { smallCity } from '@cswb/testing/expected';
import { graphql } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken } from '@cswb/testing/tokens';

const { city, occurrences } = smallCity();
// A neighbourhood policed by the municipal service (the last ward is the OPP's).
const area = city.neighbourhoods.find((n) => n.parentId !== city.wards[city.wards.length - 1].id)!;

let stack: TestStack;
/** The police subgraph's own connection: its application role. */
let police: DataSource;
/** The police database's owner (migrations, imports): what a database administrator could use. */
let policeOwner: DataSource;

beforeAll(async () => {
  stack = await startTestStack('audit');
  police = stack.subgraphs.find((s) => s.name === 'police')!.db;
  policeOwner = await stack.ownerDb('police');
});
afterAll(async () => {
  await stack?.stop();
});

const analyst = () =>
  signToken({ sub: 'audit-analyst', scope: 'aggregates:read records:read:police', agency: 'lakeshore-police', sector: 'police', purpose: 'evaluation' });
const planner = () => signToken({ sub: 'audit-planner', scope: 'aggregates:read', agency: 'lakeshore-city', purpose: 'planning' });
const auditor = () => signToken({ sub: 'audit-auditor', scope: 'audit:read', purpose: 'evaluation' });

const OCCURRENCES = `query Occurrences($areaId: ID!, $from: LocalDate!, $to: LocalDate!) {
  policeOccurrences(areaId: $areaId, from: $from, to: $to, limit: 50) { occurrenceNumber occurredOn }
}`;
const OCCURRENCE_VARIABLES = { areaId: area.id, from: '2024-01-01', to: '2024-06-30' };

/** A POST to the gateway, keeping the request id it answers with. */
async function throughGateway(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { requestId: response.headers.get('x-request-id'), ...((await response.json()) as { data?: any; errors?: any[] }) };
}

interface StoredEntry {
  id: number;
  request_id: string;
  subject: string | null;
  agency: string | null;
  sector: string | null;
  purpose: string | null;
  operation_name: string | null;
  fields: string[];
  arguments: Record<string, unknown[]>;
  rows_returned: number;
}

async function entries(db: DataSource = police): Promise<StoredEntry[]> {
  return db.query(
    `SELECT id::int AS id, request_id, subject, agency, sector, purpose, operation_name, fields, arguments, rows_returned FROM audit_log ORDER BY audit_log.id`,
  );
}

async function allCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const subgraph of stack.subgraphs) counts[subgraph.name] = (await entries(subgraph.db)).length;
  return counts;
}

function runCli(args: string[]): Promise<CliResult> {
  return cswb(args, Object.fromEntries(stack.subgraphs.map((subgraph) => [`${envPrefix(subgraph.name)}_DATABASE_URL`, stack.ownerUrls[subgraph.name]])));
}

let analystEntryId: number;
let analystRequestId: string;

describe('audit log', () => {
  it("records an analyst's read through the gateway as one entry in the police database", async () => {
    const before = await allCounts();
    const response = await throughGateway(OCCURRENCES, OCCURRENCE_VARIABLES, bearer(await analyst()));
    expect(response.errors).toBeUndefined();
    const rows = response.data.policeOccurrences;
    const expected = occurrences.filter((o) => o.areaId === area.id && o.occurredOn >= '2024-01-01' && o.occurredOn <= '2024-06-30').length;
    expect(rows).toHaveLength(Math.min(expected, 50));
    expect(rows.length).toBeGreaterThan(0);
    expect(response.requestId).toMatch(/^[A-Za-z0-9._-]+$/);

    const after = await allCounts();
    expect(after).toEqual({ ...before, police: before.police + 1 });
    const entry = (await entries()).at(-1)!;
    expect(entry).toMatchObject({
      request_id: response.requestId,
      subject: 'audit-analyst',
      agency: 'lakeshore-police',
      sector: 'police',
      purpose: 'evaluation',
      fields: ['Query.policeOccurrences'],
      arguments: { 'Query.policeOccurrences': [{ ...OCCURRENCE_VARIABLES, limit: 50 }] },
      rows_returned: rows.length,
    });
    analystEntryId = entry.id;
    analystRequestId = response.requestId!;
  });

  it('records the operation name the client chose and the request id the hub made, never what a caller claims', async () => {
    const renamed = OCCURRENCES.replace('query Occurrences', 'query ClientDashboard');
    expect(renamed).not.toBe(OCCURRENCES);
    const forged = { 'x-request-id': 'audit-test-request-1', 'x-operation-name': 'Forged' };
    const response = await throughGateway(renamed, OCCURRENCE_VARIABLES, { ...bearer(await analyst()), ...forged });
    expect(response.errors).toBeUndefined();
    let entry = (await entries()).at(-1)!;
    expect(entry.operation_name).toBe('ClientDashboard');
    expect(entry.request_id).toBe(response.requestId);
    expect(entry.request_id).not.toBe('audit-test-request-1');

    // Straight to the subgraph with the gateway's credentials: its headers count for nothing,
    // only the name and id in the gateway's assertion.
    const police = stack.subgraphs.find((s) => s.name === 'police')!;
    const direct = await graphql(police, OCCURRENCES, OCCURRENCE_VARIABLES, { ...bearer(await analyst()), ...forged });
    expect(direct.errors).toBeUndefined();
    entry = (await entries()).at(-1)!;
    expect(entry.operation_name).toBe('Occurrences');
    expect(entry.request_id).not.toBe('audit-test-request-1');
  });

  it('records nothing for denied reads or unprotected fields', async () => {
    const before = await allCounts();
    // Alongside an open field, so the response is a partial one (the gateway's access rules are tested elsewhere).
    const mixed = `query Mixed($areaId: ID!, $from: LocalDate!, $to: LocalDate!) {
      area(id: $areaId) { id }
      policeOccurrences(areaId: $areaId, from: $from, to: $to, limit: 50) { occurrenceNumber }
    }`;
    for (const headers of [{}, bearer(await planner())]) {
      const denied = await throughGateway(mixed, OCCURRENCE_VARIABLES, headers);
      expect(denied.data).toEqual({ area: { id: area.id }, policeOccurrences: null });
      expect(denied.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
    }
    // Straight to the subgraph, past the gateway: the subgraph refuses, and logs nothing either.
    const direct = await graphql(stack.subgraphs.find((s) => s.name === 'police')!, OCCURRENCES, OCCURRENCE_VARIABLES, bearer(await planner()));
    expect(direct.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);

    const open = await throughGateway(`query Area($id: ID!) { area(id: $id) { id name population } }`, { id: area.id }, bearer(await analyst()));
    expect(open.errors).toBeUndefined();
    expect(open.data.area).toMatchObject({ id: area.id, name: area.name });
    expect(await allCounts()).toEqual(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself: no privilege for the subgraph, triggers for the owner', async () => {
    const before = await entries();
    for (const [db, refusal] of [
      [police, /permission denied for table audit_log/],
      [policeOwner, /audit_log is append-only/],
    ] as const) {
      await expect(db.query('UPDATE audit_log SET rows_returned = 0 WHERE id = $1', [analystEntryId])).rejects.toThrow(refusal);
      await expect(db.query('UPDATE audit_log SET subject = NULL WHERE false')).rejects.toThrow(refusal);
      await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(refusal);
      await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(refusal);
    }
    await expect(police.query('ALTER TABLE audit_log DISABLE TRIGGER USER')).rejects.toThrow(/must be owner of table audit_log/);
    expect(await entries()).toEqual(before);
  });

  it('lets auditors read the log through the gateway, and logs that read too; planners get nothing', async () => {
    const query = `query Log($subject: String) { policeAuditLog(subject: $subject, limit: 10) {
      id occurredAt requestId subject agency sector purpose operationName fields argumentsJson rowsReturned previousHash hash } }`;
    const read = await throughGateway(query, { subject: 'audit-analyst' }, bearer(await auditor()));
    expect(read.errors).toBeUndefined();
    // Newest first: the direct read and the renamed read above, then the first read through the gateway.
    const listed = read.data.policeAuditLog;
    expect(listed.map((e: { id: string }) => Number(e.id))).toEqual([analystEntryId + 2, analystEntryId + 1, analystEntryId]);
    const entry = listed[2];
    expect(entry).toMatchObject({
      id: String(analystEntryId),
      requestId: analystRequestId,
      subject: 'audit-analyst',
      agency: 'lakeshore-police',
      purpose: 'evaluation',
      fields: ['Query.policeOccurrences'],
    });
    expect(JSON.parse(entry.argumentsJson)).toEqual({ 'Query.policeOccurrences': [{ ...OCCURRENCE_VARIABLES, limit: 50 }] });
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(entry.occurredAt)).toBeLessThanOrEqual(Date.now());

    const logged = (await entries()).at(-1)!;
    expect(logged).toMatchObject({ request_id: read.requestId, subject: 'audit-auditor', fields: ['Query.policeAuditLog'], rows_returned: 3 });

    const other = await throughGateway(`{ socialServicesAuditLog(limit: 5) { id } }`, {}, bearer(await auditor()));
    expect(other.errors).toBeUndefined();
    expect(other.data.socialServicesAuditLog).toEqual([]);

    const before = await entries();
    const refused = await throughGateway(`{ area(id: "${area.id}") { id } policeAuditLog { id } }`, {}, bearer(await planner()));
    expect(refused.data).toEqual({ area: { id: area.id }, policeAuditLog: null });
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
    expect(await entries()).toEqual(before);

    const badLimit = await throughGateway(`{ policeAuditLog(limit: 5000) { id } }`, {}, bearer(await auditor()));
    expect(badLimit.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('withholds the data when the entry cannot be written (fail closed)', async () => {
    const before = await entries();
    const { viaGateway, direct } = await withAuditLogGone(policeOwner, async () => ({
      viaGateway: await throughGateway(OCCURRENCES, OCCURRENCE_VARIABLES, bearer(await analyst())),
      direct: await graphql(stack.subgraphs.find((s) => s.name === 'police')!, OCCURRENCES, OCCURRENCE_VARIABLES, bearer(await analyst())),
    }));
    expect(viaGateway.data?.policeOccurrences ?? null).toBeNull();
    expect(viaGateway.errors?.map((e) => e.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
    expect(JSON.stringify(viaGateway)).not.toContain('occurrenceNumber');
    expect(direct).toEqual({
      status: 200,
      errors: [{ message: 'Audit log unavailable: the data was withheld', extensions: { code: 'AUDIT_UNAVAILABLE' } }],
    });
    expect(await entries()).toEqual(before);
  });

  it('verifies the chain, and finds an entry changed by the table owner with the triggers disabled', async () => {
    const intact = await verifyAuditChain(police);
    expect(intact).toMatchObject({ ok: true, entries: (await entries()).length });
    const all = await runCli(['audit', 'verify']);
    expect(all.stderr).toBe('');
    expect(all.code).toBe(0);
    expect(all.stdout).toContain(`police: ${(await entries()).length} entries, chain intact\n`);
    expect(all.stdout.trim().split('\n')).toHaveLength(stack.subgraphs.length);

    await policeOwner.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    try {
      await policeOwner.query('UPDATE audit_log SET rows_returned = rows_returned + 1 WHERE id = $1', [analystEntryId]);
    } finally {
      await policeOwner.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    }
    expect(await verifyAuditChain(police)).toEqual({
      ok: false,
      entries: analystEntryId - 1,
      firstBadId: String(analystEntryId),
      reason: 'its contents do not match its hash',
    });
    const broken = await runCli(['audit', 'verify', '--subgraph', 'police']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe(`police: chain broken at entry ${analystEntryId}: its contents do not match its hash\n`);
  });

  it('exits 2 on bad arguments', async () => {
    expect((await runCli(['audit', 'verify', '--subgraph', 'nowhere'])).code).toBe(2);
    expect((await runCli(['audit'])).code).toBe(2);
    expect((await runCli(['audit', 'verify', '--bogus'])).code).toBe(2);
  });
});

describe('public reads of one neighbourhood', () => {
  const INDICATORS = 'indicators(from: "2024-01-01", to: "2024-12-31", granularity: YEAR) { indicator { id } }';

  it("leave an entry in each sector's log, anonymous callers included; a ward's coarse figures leave none", async () => {
    const before = await allCounts();
    const response = await throughGateway(`query Neighbourhood($id: ID!) { area(id: $id) { id police { ${INDICATORS} } health { ${INDICATORS} } } }`, { id: area.id });
    expect(response.errors).toBeUndefined();
    const series = response.data.area.police.indicators.length;
    expect(series).toBeGreaterThan(0);
    expect(await allCounts()).toEqual({ ...before, police: before.police + 1, health: before.health + 1 });

    const entry = (await entries()).at(-1)!;
    expect(entry).toMatchObject({
      request_id: response.requestId,
      subject: null,
      agency: null,
      sector: null,
      fields: ['PoliceProfile.indicators'],
      rows_returned: series,
    });
    expect(entry.arguments['PoliceProfile.indicators']).toEqual([expect.objectContaining({ areaId: area.id, from: '2024-01-01', to: '2024-12-31', granularity: 'YEAR' })]);
    const health = (await entries(stack.subgraphs.find((s) => s.name === 'health')!.db)).at(-1)!;
    expect(health).toMatchObject({ request_id: response.requestId, fields: ['HealthProfile.indicators'] });
    expect(health.arguments['HealthProfile.indicators']).toEqual([expect.objectContaining({ areaId: area.id })]);

    const ward = city.wards[0];
    const coarse = await throughGateway(`query Ward($id: ID!) { area(id: $id) { id police { ${INDICATORS} } } }`, { id: ward.id });
    expect(coarse.errors).toBeUndefined();
    expect(coarse.data.area.police.indicators.length).toBeGreaterThan(0);
    expect(await allCounts()).toEqual({ ...before, police: before.police + 1, health: before.health + 1 });
  });

  it('leave one entry per neighbourhood read, naming each, when a request reads many', async () => {
    const before = (await entries()).length;
    const response = await throughGateway(`{ areas(kind: NEIGHBOURHOOD) { id police { ${INDICATORS} } } }`);
    expect(response.errors).toBeUndefined();
    const after = await entries();
    expect(after).toHaveLength(before + 1);
    const read = after.at(-1)!.arguments['PoliceProfile.indicators'] as { areaId: string }[];
    expect(read.map((r) => r.areaId).sort()).toEqual(response.data.areas.map((a: { id: string }) => a.id).sort());
  });
});

describe('cswb audit verify and entries removed from the end', () => {
  const INDICATORS = 'indicators(from: "2024-01-01", to: "2024-12-31", granularity: YEAR) { indicator { id } }';
  let checkpoints: string;

  beforeAll(() => {
    checkpoints = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-audit-checkpoints-'));
  });
  afterAll(() => {
    fs.rmSync(checkpoints, { recursive: true, force: true });
  });

  /** A public read that appends one entry to the sector's log. */
  async function readNeighbourhood(sector: 'health' | 'housing'): Promise<void> {
    const response = await throughGateway(`query N($id: ID!) { area(id: $id) { ${sector} { ${INDICATORS} } } }`, { id: area.id });
    expect(response.errors).toBeUndefined();
  }

  it('fails when the owner deletes the newest entry, naming it', async () => {
    await readNeighbourhood('health');
    const owner = await stack.ownerDb('health');
    const [newest] = await owner.query('SELECT id::text AS id FROM audit_log ORDER BY id DESC LIMIT 1');
    const [{ count }] = await owner.query('SELECT count(*)::int AS count FROM audit_log');
    expect((await runCli(['audit', 'verify', '--subgraph', 'health'])).code).toBe(0);

    await owner.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    try {
      await owner.query('DELETE FROM audit_log WHERE id = $1', [newest.id]);
    } finally {
      await owner.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    }
    const [kept] = await owner.query('SELECT id::text AS id FROM audit_log ORDER BY id DESC LIMIT 1');
    const broken = await runCli(['audit', 'verify', '--subgraph', 'health']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe(
      `health: chain broken at entry ${newest.id}: the newest entry was removed: the chain ends at entry ${kept.id} (${count - 1} ${count - 1 === 1 ? 'entry' : 'entries'}), ` +
        `but its head records ${count} entries ending at entry ${newest.id}\n`,
    );
  });

  it('with --checkpoints, fails when the head was moved back with the entries, which the database alone cannot show', async () => {
    await readNeighbourhood('housing');
    const first = await runCli(['audit', 'verify', '--subgraph', 'housing', '--checkpoints', checkpoints]);
    expect(first.stdout).toMatch(/^housing: \d+ entr(y|ies), chain intact, checkpoint recorded\n$/);
    expect(first.code).toBe(0);
    await readNeighbourhood('housing');
    const extended = await runCli(['audit', 'verify', '--subgraph', 'housing', '--checkpoints', checkpoints]);
    expect(extended.stdout).toMatch(/chain intact, extends its checkpoint; checkpoint recorded\n$/);
    await readNeighbourhood('housing');

    // The owner removes the two newest entries and sets the head back to what remains, every trigger off.
    const owner = await stack.ownerDb('housing');
    const rows: { id: string; hash: string }[] = await owner.query('SELECT id::text AS id, hash FROM audit_log ORDER BY id DESC LIMIT 3');
    await owner.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await owner.query('ALTER TABLE audit_chain_head DISABLE TRIGGER USER');
    try {
      await owner.query('DELETE FROM audit_log WHERE id >= $1', [rows[1].id]);
      await owner.query('UPDATE audit_chain_head SET entries = entries - 2, last_id = $1, last_hash = $2', [rows[2].id, rows[2].hash]);
    } finally {
      await owner.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
      await owner.query('ALTER TABLE audit_chain_head ENABLE TRIGGER USER');
    }
    // The chain and its head agree again: only the checkpoint, kept apart, shows the cut.
    expect((await runCli(['audit', 'verify', '--subgraph', 'housing'])).code).toBe(0);
    const caught = await runCli(['audit', 'verify', '--subgraph', 'housing', '--checkpoints', checkpoints]);
    expect(caught.code).toBe(1);
    expect(caught.stdout).toMatch(
      new RegExp(`^housing: chain broken at entry ${rows[1].id}: the newest entry was removed: the chain ends at entry ${rows[2].id} .*the checkpoint kept outside the database \\(recorded [^)]+\\) records \\d+ entries ending at entry ${rows[1].id}\\n$`),
    );

    // A checkpoint file edited to match is refused: it is signed.
    const file = path.join(checkpoints, 'housing.json');
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...stored, entries: stored.entries - 1, lastId: rows[2].id, lastHash: rows[2].hash }));
    const edited = await runCli(['audit', 'verify', '--subgraph', 'housing', '--checkpoints', checkpoints]);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain('housing: checkpoint refused: ');
    expect(edited.stdout).toContain('the signature does not match');
  });
});
