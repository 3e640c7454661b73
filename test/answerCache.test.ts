import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '@cswb/cli';
import { refreshRollups } from '@cswb/subgraph-kit/db';
import { analystHeaders } from '@cswb/testing/analyst';
import { withAuditLogGone } from '@cswb/testing/database';
import { smallCity } from '@cswb/testing/expected';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { aggregateReaderHeaders } from '@cswb/testing/tokens';

/**
 * The gateway's answer cache (docs/operations.md, "Answer cache"), tried as an attacker would: an
 * answer is served again only to a caller with the same access, only once every subgraph it was
 * made of has confirmed it for this request (and so audited the request, as if it had answered),
 * never across a change to a sector's data, never when a subgraph cannot audit, never for
 * record-level data.
 */

const { city } = smallCity();
const neighbourhood = city.neighbourhoods[0];
const PROFILE = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'queries', 'area-profile.graphql'), 'utf8');
const PROFILE_VARIABLES = { id: neighbourhood.id, from: '2022-01-01', to: '2024-12-31', granularity: 'YEAR' };
const POLICE_PROFILE = `query PoliceOnly($id: ID!) {
  area(id: $id) { police { indicators(from: "2022-01-01", to: "2024-12-31", granularity: YEAR) { indicator { id } observations { period { label } value perturbed } } } }
}`;
const OCCURRENCES = `query Occurrences($areaId: ID!) {
  policeOccurrences(areaId: $areaId, from: "2024-01-01", to: "2024-12-31", limit: 5) { occurrenceNumber }
}`;

let stack: TestStack;
let planner: Record<string, string>;
let otherPlanner: Record<string, string>;
let analyst: Record<string, string>;

interface Answer {
  requestId: string | null;
  /** Response headers the hub's own protocol uses between gateway and subgraphs: never sent to clients. */
  internalHeaders: string[];
  /** The body as sent, and its content type. */
  text: string;
  contentType: string | null;
  status: number;
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function asked(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const internalHeaders = [...response.headers.keys()].filter((name) => name.startsWith('cswb-') || name.startsWith('x-cswb-'));
  const text = await response.text();
  return { requestId: response.headers.get('x-request-id'), internalHeaders, text, contentType: response.headers.get('content-type'), status: response.status, ...(JSON.parse(text) as { data?: any; errors?: any[] }) };
}

function clearCaches(): void {
  stack.gateway.answerCache!.clear();
  for (const subgraph of stack.subgraphs) subgraph.responseCache?.clear();
}

/** A gateway metric's value, from its /metrics. */
async function metric(name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(stack.gateway.url.replace(/\/graphql$/, '/metrics'))).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) ? wanted.every((w) => l.includes(w)) : wanted.length === 0 && l.startsWith(`${name} `));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

/** The police subgraph's audit writes, from its /metrics. */
async function policeAuditWrites(): Promise<number> {
  const text = await (await fetch(stack.subgraphs.find((s) => s.name === 'police')!.metricsUrl!)).text();
  const line = text.split('\n').find((l) => l.startsWith('cswb_subgraph_audit_writes_total{') && l.includes('outcome="written"'));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

/** Each subgraph's audit entries for one request: subject, fields and arguments. */
async function auditOf(requestId: string | null) {
  const entries: Record<string, unknown[]> = {};
  for (const subgraph of stack.subgraphs) {
    const rows = await subgraph.db.query(`SELECT subject, fields, arguments, rows_returned FROM audit_log WHERE request_id = $1 ORDER BY id`, [requestId]);
    if (rows.length) entries[subgraph.name] = rows;
  }
  return entries;
}

const withoutSubject = (entries: Record<string, { subject: string }[]>) =>
  Object.fromEntries(Object.entries(entries).map(([name, rows]) => [name, rows.map(({ subject: _subject, ...rest }) => rest)]));

beforeAll(async () => {
  planner = await aggregateReaderHeaders('answer-planner');
  otherPlanner = await aggregateReaderHeaders('answer-planner-2');
  analyst = await analystHeaders();
  stack = await startTestStack('answer_cache', { POLICE_METRICS_PORT: '0' });
});
afterAll(async () => {
  await stack?.stop();
});

describe('the gateway answer cache', () => {
  it('serves a repeated question once every subgraph confirms it: the same answer, no subgraph asked to answer, every subgraph auditing the request', async () => {
    clearCaches();
    const first = await asked(PROFILE, PROFILE_VARIABLES, planner);
    expect(first.errors).toBeUndefined();
    expect(stack.gateway.answerCache!.size).toBe(1);
    const fetchesBefore = await metric('cswb_gateway_subgraph_fetches_total', { subgraph: 'police', outcome: 'ok' });
    const servedBefore = await metric('cswb_gateway_answer_cache_total', { outcome: 'served' });
    for (const name of Object.keys(stack.counters)) stack.counters[name].reset();
    const auditWritesBefore = await policeAuditWrites();

    const second = await asked(PROFILE, PROFILE_VARIABLES, otherPlanner);
    expect(second.data).toEqual(first.data);
    // How the subgraphs named their kept answers stays between them and the gateway.
    expect([first.internalHeaders, second.internalHeaders]).toEqual([[], []]);
    expect(await metric('cswb_gateway_answer_cache_total', { outcome: 'served' })).toBe(servedBefore + 1);
    // No subgraph fetch through the runtime: only confirmations, each one audit statement and no data read.
    expect(await metric('cswb_gateway_subgraph_fetches_total', { subgraph: 'police', outcome: 'ok' })).toBe(fetchesBefore);
    for (const [name, counter] of Object.entries(stack.counters)) expect({ name, reads: counter.recorded }).toEqual({ name, reads: [] });

    // Every subgraph audited the second request as it audited the first, under its own caller.
    const firstAudit = await auditOf(first.requestId);
    const secondAudit = await auditOf(second.requestId);
    expect(Object.keys(firstAudit).length).toBeGreaterThanOrEqual(5);
    expect(withoutSubject(secondAudit as any)).toEqual(withoutSubject(firstAudit as any));
    for (const rows of Object.values(secondAudit)) for (const row of rows as { subject: string }[]) expect(row.subject).toBe('answer-planner-2');
    expect(Object.values(firstAudit).flat().length).toBe(Object.values(stack.counters).reduce((sum, c) => sum + c.auditWrites, 0));
    // A confirmation's audit entry is counted as any other.
    expect(await policeAuditWrites()).toBe(auditWritesBefore + secondAudit.police.length);
  });

  it("never serves an answer kept for one caller's access to another: exact figures stay with the analyst", async () => {
    clearCaches();
    const plannerCold = await asked(POLICE_PROFILE, { id: neighbourhood.id }, planner);
    const anonymousCold = await asked(POLICE_PROFILE, { id: neighbourhood.id }, {});
    clearCaches();
    const analystAnswer = await asked(POLICE_PROFILE, { id: neighbourhood.id }, analyst);
    expect(stack.gateway.answerCache!.size).toBe(1);
    const plannerAfter = await asked(POLICE_PROFILE, { id: neighbourhood.id }, planner);
    const anonymousAfter = await asked(POLICE_PROFILE, { id: neighbourhood.id }, {});
    const observations = (answer: Answer) => answer.data.area.police.indicators.flatMap((s: any) => s.observations);
    expect(observations(analystAnswer).every((o: any) => o.perturbed === false)).toBe(true);
    expect(observations(plannerCold).some((o: any) => o.perturbed === true)).toBe(true);
    expect(plannerAfter.data).toEqual(plannerCold.data);
    expect([anonymousAfter.data, anonymousAfter.errors ?? []]).toEqual([anonymousCold.data, anonymousCold.errors ?? []]);
    // And a planner's kept answer, served again to a planner, is still the planner's.
    const plannerAgain = await asked(POLICE_PROFILE, { id: neighbourhood.id }, otherPlanner);
    expect(plannerAgain.data).toEqual(plannerCold.data);
  });

  it('serves the kept answer byte for byte, and counts its values marked by disclosure control as the computed answer did', async () => {
    clearCaches();
    const perturbed = () => metric('cswb_gateway_disclosure_controlled_values_total', { outcome: 'perturbed' });
    const servedBefore = await metric('cswb_gateway_answer_cache_total', { outcome: 'served' });
    const beforeComputed = await perturbed();
    const computed = await asked(POLICE_PROFILE, { id: neighbourhood.id }, planner);
    const afterComputed = await perturbed();
    const served = await asked(POLICE_PROFILE, { id: neighbourhood.id }, otherPlanner);
    expect(await metric('cswb_gateway_answer_cache_total', { outcome: 'served' })).toBe(servedBefore + 1);
    expect([served.status, served.contentType, served.text]).toEqual([computed.status, computed.contentType, computed.text]);
    expect(afterComputed - beforeComputed).toBeGreaterThan(0);
    expect((await perturbed()) - afterComputed).toBe(afterComputed - beforeComputed);
  });

  it('answers afresh once a change commits at a subgraph, whoever made it, and audits that request once', async () => {
    clearCaches();
    const before = await asked(POLICE_PROFILE, { id: neighbourhood.id }, analyst);
    expect(stack.gateway.answerCache!.size).toBe(1);
    const unconfirmedBefore = await metric('cswb_gateway_answer_cache_total', { outcome: 'unconfirmed' });
    const owner = await stack.ownerDb('police');
    await owner.transaction(async (manager) => {
      await manager.query(`DELETE FROM police_occurrence WHERE area_id = $1 AND occurred_on >= '2022-01-01' AND occurred_on < '2023-01-01'`, [neighbourhood.id]);
      await refreshRollups(manager, ['police_measure_monthly']);
    });
    const after = await asked(POLICE_PROFILE, { id: neighbourhood.id }, analyst);
    expect(await metric('cswb_gateway_answer_cache_total', { outcome: 'unconfirmed' })).toBe(unconfirmedBefore + 1);
    expect(after.data).not.toEqual(before.data);
    // The stale confirmation wrote nothing: one entry for the request, the computed answer's.
    expect((await auditOf(after.requestId)).police).toHaveLength(1);
    clearCaches();
    const cold = await asked(POLICE_PROFILE, { id: neighbourhood.id }, analyst);
    expect(after.data).toEqual(cold.data);
  });

  it('withholds a kept answer when a subgraph cannot write its audit entry (fail closed)', async () => {
    clearCaches();
    const computed = await asked(POLICE_PROFILE, { id: neighbourhood.id }, planner);
    expect(computed.errors).toBeUndefined();
    expect(stack.gateway.answerCache!.size).toBe(1);
    const owner = await stack.ownerDb('police');
    const refused = await withAuditLogGone(owner, () => asked(POLICE_PROFILE, { id: neighbourhood.id }, otherPlanner));
    expect(refused.errors?.map((e) => e.extensions?.code)).toContain('AUDIT_UNAVAILABLE');
    expect(JSON.stringify(refused.data ?? null)).not.toContain('observations');
  });

  it('keeps no record-level answer and no answer with errors', async () => {
    clearCaches();
    const records = await asked(OCCURRENCES, { areaId: neighbourhood.id }, analyst);
    expect(records.errors).toBeUndefined();
    expect(records.data.policeOccurrences.length).toBeGreaterThan(0);
    expect(stack.gateway.answerCache!.size).toBe(0);
    // A planner may not read occurrences: the rest is served, with the refusal at its path, and nothing kept.
    const partly = await asked(`query Mixed($areaId: ID!) { area(id: $areaId) { name } policeOccurrences(areaId: $areaId, from: "2024-01-01", to: "2024-12-31", limit: 5) { occurrenceNumber } }`, { areaId: neighbourhood.id }, planner);
    expect(partly.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHORIZED_FIELD_OR_TYPE');
    expect(partly.data.area.name).toBe(neighbourhood.name);
    expect(stack.gateway.answerCache!.size).toBe(0);
    const again = await asked(`query Mixed($areaId: ID!) { area(id: $areaId) { name } policeOccurrences(areaId: $areaId, from: "2024-01-01", to: "2024-12-31", limit: 5) { occurrenceNumber } }`, { areaId: neighbourhood.id }, planner);
    expect([again.data, again.errors]).toEqual([partly.data, partly.errors]);
  });

  it('can be turned off, and refuses a bad setting with the variable name', async () => {
    const { readGatewayConfig } = await import('@cswb/contract/config');
    expect(readGatewayConfig({ ANSWER_CACHE_MB: '0' }, [], '/x/supergraph.graphql').answerCache).toBeUndefined();
    expect(readGatewayConfig({}, [], '/x/supergraph.graphql').answerCache).toEqual({ maxBytes: 64 * 1024 * 1024, ttlMs: 300_000 });
    expect(() => readGatewayConfig({ ANSWER_CACHE_MB: 'lots' }, [], '/x/supergraph.graphql')).toThrow('ANSWER_CACHE_MB: must be a whole number (0 to turn it off), got "lots"');
  });
});
