import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '@cswb/cli';
import { refreshRollups } from '@cswb/subgraph-kit/db';
import type { RunningSubgraph } from '@cswb/subgraph-kit/server';
import { analystHeaders } from '@cswb/testing/analyst';
import { withAuditLogGone } from '@cswb/testing/database';
import { smallCity } from '@cswb/testing/expected';
import { graphql } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { postAsGateway } from '@cswb/testing/trust';
import { aggregateReaderHeaders } from '@cswb/testing/tokens';

/**
 * Each subgraph's cache of aggregate answers (docs/operations.md, "Response cache"), tried as an
 * attacker would: another caller's answer must never come out of it, a change to the data must
 * never be answered from before it, record-level answers are never kept, and every answer served
 * from it is audited exactly as a computed one, fail-closed.
 */

const { city } = smallCity();
const neighbourhood = city.neighbourhoods[0];
const PROFILE = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'queries', 'area-profile.graphql'), 'utf8');
const PROFILE_VARIABLES = { id: neighbourhood.id, from: '2022-01-01', to: '2024-12-31', granularity: 'YEAR' };
const POLICE_PROFILE = `query PoliceOnly($id: ID!) {
  area(id: $id) { police { indicators(from: "2022-01-01", to: "2024-12-31", granularity: YEAR) { indicator { id } observations { period { label } value perturbed } } } }
}`;
/** What the gateway asks the police subgraph for a neighbourhood's figures. */
const POLICE_ENTITIES = `query($id: ID!) { _entities(representations: [{ __typename: "Area", id: $id }]) { ... on Area { police { indicators(from: "2022-01-01", to: "2024-12-31", granularity: YEAR) { observations { value perturbed } } } } } }`;
const OCCURRENCES = `query Occurrences($areaId: ID!) {
  policeOccurrences(areaId: $areaId, from: "2024-01-01", to: "2024-12-31", limit: 5) { occurrenceNumber }
}`;

let stack: TestStack;
let planner: Record<string, string>;
let otherPlanner: Record<string, string>;
let analyst: Record<string, string>;
let police: RunningSubgraph;

interface AuditRow {
  request_id: string;
  subject: string | null;
  fields: string[];
  arguments: Record<string, unknown>;
  rows_returned: number;
}

async function auditRows(): Promise<AuditRow[]> {
  return police.db.query(`SELECT request_id, subject, fields, arguments, rows_returned FROM audit_log ORDER BY id`);
}

async function asked(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const response = await fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { requestId: response.headers.get('x-request-id'), status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

function clearCaches(): void {
  for (const subgraph of stack.subgraphs) subgraph.responseCache?.clear();
}

beforeAll(async () => {
  planner = await aggregateReaderHeaders('cache-planner');
  otherPlanner = await aggregateReaderHeaders('cache-planner-2');
  analyst = await analystHeaders();
  stack = await startTestStack('response_cache');
  police = stack.subgraphs.find((s) => s.name === 'police')!;
});
afterAll(async () => {
  await stack?.stop();
});

describe('response cache', () => {
  it('answers a repeated aggregate question from the cache, the same answer, without the sector reading its data again', async () => {
    clearCaches();
    const first = await asked(PROFILE, PROFILE_VARIABLES, planner);
    expect(first.errors).toBeUndefined();
    expect(police.responseCache!.size).toBe(1);
    stack.counters.police.reset();
    const second = await asked(PROFILE, PROFILE_VARIABLES, otherPlanner);
    expect(second.data).toEqual(first.data);
    // One statement: the audit entry, written only at the data version the answer was computed at; no rollup or registry read.
    expect(stack.counters.police.recorded).toEqual([]);
    expect([stack.counters.police.dataVersionReads, stack.counters.police.auditWrites]).toEqual([0, 1]);
  });

  it('sends an answer as compact JSON, and a kept one byte for byte as it was first sent', async () => {
    clearCaches();
    const body = JSON.stringify({ query: POLICE_ENTITIES, variables: { id: neighbourhood.id } });
    const computed = await postAsGateway(police, body, planner);
    // What it keeps is the text (its budget counts that), not the answer's objects.
    expect(police.responseCache!.size).toBe(1);
    expect(police.responseCache!.storedBytes).toBe(computed.body.length);
    const kept = await postAsGateway(police, body, otherPlanner);
    expect(computed.status).toBe(200);
    expect(kept.body).toBe(computed.body);
    expect(computed.body).toBe(JSON.stringify(JSON.parse(computed.body)));
    expect(JSON.parse(kept.body).data._entities[0].police.indicators.length).toBeGreaterThan(0);
  });

  it('audits an answer served from the cache exactly as a computed one, under its own caller and request id', async () => {
    clearCaches();
    const before = (await auditRows()).length;
    const computed = await asked(PROFILE, PROFILE_VARIABLES, planner);
    const cached = await asked(PROFILE, PROFILE_VARIABLES, otherPlanner);
    expect(cached.data).toEqual(computed.data);
    const rows = (await auditRows()).slice(before);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => [r.request_id, r.subject])).toEqual([
      [computed.requestId, 'cache-planner'],
      [cached.requestId, 'cache-planner-2'],
    ]);
    const { request_id: _a, subject: _b, ...computedRead } = rows[0];
    const { request_id: _c, subject: _d, ...cachedRead } = rows[1];
    expect(cachedRead).toEqual(computedRead);
    expect(computedRead.fields).toContain('PoliceProfile.indicators');
  });

  it("never answers one caller with an answer computed for another's access: exact figures stay with the analyst", async () => {
    clearCaches();
    const plannerCold = await asked(POLICE_PROFILE, { id: neighbourhood.id }, planner);
    clearCaches();
    const analystAnswer = await asked(POLICE_PROFILE, { id: neighbourhood.id }, analyst);
    const anonymousAfterAnalyst = await asked(POLICE_PROFILE, { id: neighbourhood.id }, {});
    const plannerAfterAnalyst = await asked(POLICE_PROFILE, { id: neighbourhood.id }, planner);
    expect(plannerCold.errors).toBeUndefined();
    expect(analystAnswer.errors).toBeUndefined();
    const observations = (answer: { data?: any }) => answer.data.area.police.indicators.flatMap((s: any) => s.observations);
    // The analyst sees exact counts, the planner perturbed ones: the two answers differ somewhere.
    expect(observations(analystAnswer).every((o: any) => o.perturbed === false)).toBe(true);
    expect(observations(plannerCold).some((o: any) => o.perturbed === true)).toBe(true);
    expect(plannerAfterAnalyst.data).toEqual(plannerCold.data);
    // The public is refused neighbourhood police figures (coarse geography only), cached or not.
    clearCaches();
    const anonymousCold = await asked(POLICE_PROFILE, { id: neighbourhood.id }, {});
    expect([anonymousAfterAnalyst.data, anonymousAfterAnalyst.errors ?? []]).toEqual([anonymousCold.data, anonymousCold.errors ?? []]);
    expect(observations(anonymousAfterAnalyst).map((o: any) => o.value).filter((v: unknown) => v !== null)).toEqual([]);
  });

  it('gives nothing more to a caller who goes around the gateway: the subgraph keys its cache on the caller it verified', async () => {
    clearCaches();
    const flags = (answer: { data?: any; errors?: unknown }) => {
      expect(answer.errors).toBeUndefined();
      return answer.data._entities[0].police.indicators.flatMap((s: any) => s.observations.map((o: any) => o.perturbed));
    };
    const exact = await graphql(police, POLICE_ENTITIES, { id: neighbourhood.id }, analyst);
    expect(police.responseCache!.size).toBe(1);
    const asPlanner = await graphql(police, POLICE_ENTITIES, { id: neighbourhood.id }, planner);
    const exactAgain = await graphql(police, POLICE_ENTITIES, { id: neighbourhood.id }, analyst);
    expect(flags(exact).every((f: boolean) => f === false)).toBe(true);
    expect(flags(asPlanner)).toContain(true);
    expect(exactAgain.data).toEqual(exact.data);
    expect(police.responseCache!.size).toBe(2);
  });

  it('answers from the new data as soon as a change to the sector commits, whoever made it', async () => {
    clearCaches();
    const before = await asked(POLICE_PROFILE, { id: neighbourhood.id }, analyst);
    expect(police.responseCache!.size).toBe(1);
    const owner = await stack.ownerDb('police');
    const [{ version: versionBefore }] = await owner.query('SELECT version FROM data_version');
    await owner.transaction(async (manager) => {
      await manager.query(`DELETE FROM police_occurrence WHERE area_id = $1 AND occurred_on >= '2023-01-01' AND occurred_on < '2024-01-01'`, [neighbourhood.id]);
      await refreshRollups(manager, ['police_measure_monthly']);
    });
    const [{ version: versionAfter }] = await owner.query('SELECT version FROM data_version');
    expect(Number(versionAfter)).toBeGreaterThan(Number(versionBefore));
    const after = await asked(POLICE_PROFILE, { id: neighbourhood.id }, analyst);
    expect(after.data).not.toEqual(before.data);
    // The answer kept from before the change was not served, and its attempt wrote no audit entry: one per request.
    expect((await auditRows()).filter((row) => row.request_id === after.requestId)).toHaveLength(1);
    clearCaches();
    const cold = await asked(POLICE_PROFILE, { id: neighbourhood.id }, analyst);
    expect(after.data).toEqual(cold.data);
  });

  it('moves the data version on any write to a sector table, and not on an audited read', async () => {
    const owner = await stack.ownerDb('housing');
    const version = async () => Number((await owner.query('SELECT version FROM data_version'))[0].version);
    const tables: { name: string; triggered: boolean }[] = await owner.query(
      `SELECT c.relname AS name, EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'data_version_bump') AS triggered
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`,
    );
    const untriggered = tables.filter((t) => !t.triggered).map((t) => t.name).sort();
    expect(untriggered).toEqual(['audit_chain_head', 'audit_log', 'data_version', 'typeorm_migrations']);
    const start = await version();
    await asked(PROFILE, PROFILE_VARIABLES, planner);
    expect(await version()).toBe(start);
    await owner.query(`UPDATE area SET name = name WHERE id = $1`, [neighbourhood.id]);
    expect(await version()).toBe(start + 1);
  });

  it('never keeps a record-level answer', async () => {
    clearCaches();
    const records = await asked(OCCURRENCES, { areaId: neighbourhood.id }, analyst);
    expect(records.errors).toBeUndefined();
    expect(records.data.policeOccurrences.length).toBeGreaterThan(0);
    expect(police.responseCache!.size).toBe(0);
  });

  it('withholds an answer from the cache when its audit entry cannot be written (fail closed)', async () => {
    clearCaches();
    const computed = await asked(POLICE_PROFILE, { id: neighbourhood.id }, planner);
    expect(computed.errors).toBeUndefined();
    const owner = await stack.ownerDb('police');
    const refused = await withAuditLogGone(owner, () => asked(POLICE_PROFILE, { id: neighbourhood.id }, planner));
    expect(refused.errors?.map((e) => e.extensions?.code)).toContain('AUDIT_UNAVAILABLE');
    expect(JSON.stringify(refused.data ?? null)).not.toContain('observations');
  });

  it('can be turned off, and refuses a bad setting with the variable name', async () => {
    const { readResponseCacheConfig } = await import('@cswb/contract/config');
    expect(readResponseCacheConfig({ RESPONSE_CACHE_MB: '0' })).toBeUndefined();
    expect(readResponseCacheConfig({})).toEqual({ maxBytes: 64 * 1024 * 1024, ttlMs: 300_000 });
    expect(() => readResponseCacheConfig({ RESPONSE_CACHE_MB: '-1' })).toThrow('RESPONSE_CACHE_MB: must be a whole number (0 to turn it off), got "-1"');
    expect(() => readResponseCacheConfig({ RESPONSE_CACHE_TTL_SECONDS: '0' })).toThrow('RESPONSE_CACHE_TTL_SECONDS: must be a positive whole number, got "0"');
  });
});
