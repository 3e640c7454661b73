import { randomUUID } from 'node:crypto';
import * as https from 'node:https';
import { questionDigestOf } from '@cswb/contract/auth';
import { ANSWER_KEPT_HEADER, ASSERTION_HEADER, CONFIRM_PATH, MAX_CONFIRMED_QUESTIONS, postJson } from '@cswb/contract/trust';
import type { RunningSubgraph } from '@cswb/subgraph-kit/server';
import { subgraph as policeDefinition } from '@cswb/subgraph-police';
import { analystHeaders } from '@cswb/testing/analyst';
import { withAuditLogGone } from '@cswb/testing/database';
import { smallCity } from '@cswb/testing/expected';
import { rawRequest } from '@cswb/testing/http';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { startTestSubgraph } from '@cswb/testing/subgraph';
import { callerOfHeaders, confirmAsGateway, gatewayAgent, gatewayConfirmationSigner, gatewaySigner, postAsGateway, testCertificates } from '@cswb/testing/trust';
import { aggregateReaderHeaders } from '@cswb/testing/tokens';

/**
 * A subgraph's confirmation of an answer the gateway already gave (docs/operations.md, "Response
 * cache", Confirmations), tried as an attacker would: a "yes" only for the very answer kept for
 * this caller's access at the current data version, audited exactly as a cache hit under the
 * confirmation's own caller and request id; "no" and nothing written otherwise, fail closed; only
 * the gateway, with a confirmation assertion for this very body, may ask (a fetch's assertion does
 * not confirm, a confirmation's does not run a query); and no answer ever carries data.
 */

const { city } = smallCity();
const [neighbourhood, otherNeighbourhood] = city.neighbourhoods;
/** What the gateway asks the police subgraph for a neighbourhood's figures (aggregate: kept). */
const POLICE_ENTITIES = `query($id: ID!) { _entities(representations: [{ __typename: "Area", id: $id }]) { ... on Area { police { indicators(from: "2022-01-01", to: "2024-12-31", granularity: YEAR) { observations { value perturbed } } } } } }`;
const OCCURRENCES = `query Occurrences($areaId: ID!) {
  policeOccurrences(areaId: $areaId, from: "2024-01-01", to: "2024-12-31", limit: 5) { occurrenceNumber }
}`;
const FIGURES_BODY = JSON.stringify({ query: POLICE_ENTITIES, variables: { id: neighbourhood.id } });
/** The question of FIGURES_BODY, as the subgraph names it: whoever asks. */
const FIGURES = questionDigestOf(undefined, POLICE_ENTITIES, { id: neighbourhood.id });
const TYPENAME_BODY = JSON.stringify({ query: '{ __typename }' });
const TYPENAME = questionDigestOf(undefined, '{ __typename }', undefined);
const CONFIRMED = '{"confirmed":true}';
const NOT_CONFIRMED = '{"confirmed":false}';

let stack: TestStack;
let police: RunningSubgraph;
let planner: Record<string, string>;
let samePlannerAccess: Record<string, string>;
let evaluator: Record<string, string>;
let analyst: Record<string, string>;

interface AuditRow {
  request_id: string;
  subject: string | null;
  operation_name: string | null;
  fields: string[];
  arguments: Record<string, unknown>;
  rows_returned: number;
}

async function auditRows(): Promise<AuditRow[]> {
  return police.db.query(`SELECT request_id, subject, operation_name, fields, arguments, rows_returned FROM audit_log ORDER BY id`);
}

async function auditCount(): Promise<number> {
  return (await auditRows()).length;
}

function confirmTarget(subgraph: RunningSubgraph = police) {
  return { name: subgraph.name, url: new URL(CONFIRM_PATH, subgraph.url).toString() };
}

/** Asks the police subgraph, as the gateway, to confirm its answers to `questions` for the caller of `headers`. */
function confirm(questions: string[], headers: Record<string, string> = {}) {
  return confirmAsGateway(police, questions, headers, { operationName: 'Confirmed' });
}

/** The body of a confirmation of `questions`. */
const confirmationOf = (...questions: string[]) => JSON.stringify({ questions });

/** Any request over the gateway's TLS client (or `agent`), with the response's headers. */
function send(url: string, options: { method?: string; body?: string; headers?: Record<string, string>; agent?: https.Agent }) {
  return rawRequest(
    url,
    { method: options.method ?? 'POST', headers: { 'content-type': 'application/json', ...options.headers }, body: options.body === undefined ? undefined : Buffer.from(options.body) },
    { agent: options.agent ?? gatewayAgent() },
  );
}

/** A GraphQL POST to the police subgraph as the gateway, with the response's headers. */
async function askPolice(body: string, headers: Record<string, string>, requestId = randomUUID()) {
  const assertion = await gatewaySigner()('police', { caller: await callerOfHeaders(headers), requestId, operationName: 'Asked' }, body);
  return send(police.url, { body, headers: { [ASSERTION_HEADER]: assertion } });
}

function refusal(message: string, code: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

beforeAll(async () => {
  planner = await aggregateReaderHeaders('confirm-planner');
  samePlannerAccess = await aggregateReaderHeaders('confirm-planner-2');
  evaluator = await aggregateReaderHeaders('confirm-evaluator', 'evaluation');
  analyst = await analystHeaders();
  stack = await startTestStack('answer_confirmation');
  police = stack.subgraphs.find((s) => s.name === 'police')!;
});
afterAll(async () => {
  await stack?.stop();
});

beforeEach(() => {
  police.responseCache!.clear();
});

describe('answers kept are marked', () => {
  it('marks an aggregate answer kept or served from the cache, and no record-level answer, answer with errors, or answer while the cache is off', async () => {
    const computed = await askPolice(FIGURES_BODY, planner);
    expect(computed.status).toBe(200);
    expect(JSON.parse(computed.body).errors).toBeUndefined();
    // Named by its question only: the same name whoever asks.
    expect(computed.headers[ANSWER_KEPT_HEADER]).toBe(FIGURES);
    const served = await askPolice(FIGURES_BODY, samePlannerAccess);
    expect(served.body).toBe(computed.body);
    expect(served.headers[ANSWER_KEPT_HEADER]).toBe(FIGURES);
    const anonymous = await askPolice(FIGURES_BODY, {});
    expect(anonymous.body).not.toBe(computed.body);
    expect(anonymous.headers[ANSWER_KEPT_HEADER]).toBe(FIGURES);

    const records = await askPolice(JSON.stringify({ query: OCCURRENCES, variables: { areaId: neighbourhood.id } }), analyst);
    expect(JSON.parse(records.body).errors).toBeUndefined();
    expect(JSON.parse(records.body).data.policeOccurrences.length).toBeGreaterThan(0);
    expect(records.headers[ANSWER_KEPT_HEADER]).toBeUndefined();

    const withErrors = await askPolice(JSON.stringify({ query: POLICE_ENTITIES, variables: { id: 'no-such-area' } }), planner);
    expect(JSON.parse(withErrors.body).errors?.length).toBeGreaterThan(0);
    expect(withErrors.headers[ANSWER_KEPT_HEADER]).toBeUndefined();

    police.responseCache!.enabled = false;
    try {
      const uncached = await askPolice(FIGURES_BODY, planner);
      expect(JSON.parse(uncached.body).errors).toBeUndefined();
      expect(uncached.headers[ANSWER_KEPT_HEADER]).toBeUndefined();
    } finally {
      police.responseCache!.enabled = true;
    }
  });
});

describe('confirming a kept answer', () => {
  it('confirms the very answer for the same access, and audits the confirmation exactly as the original, under its own caller and request id', async () => {
    const originalId = randomUUID();
    const original = await postAsGateway(police, FIGURES_BODY, planner, { requestId: originalId, operationName: 'Original' });
    expect(JSON.parse(original.body).data._entities[0].police.indicators.length).toBeGreaterThan(0);
    const before = await auditCount();
    const confirmationId = randomUUID();
    const body = confirmationOf(FIGURES);
    const confirmed = await send(confirmTarget().url, {
      body,
      headers: { [ASSERTION_HEADER]: gatewayConfirmationSigner()({ police: body }, { caller: await callerOfHeaders(samePlannerAccess), requestId: confirmationId, operationName: 'Confirmed' }) },
    });
    expect([confirmed.status, confirmed.headers['content-type'], confirmed.body]).toEqual([200, 'application/json', CONFIRMED]);
    const rows = await auditRows();
    expect(rows).toHaveLength(before + 1);
    const originalRow = rows.find((row) => row.request_id === originalId)!;
    const confirmationRow = rows[rows.length - 1];
    // Who asked, the request id and the operation name are the confirmation's own (from its assertion).
    expect([confirmationRow.request_id, confirmationRow.subject, confirmationRow.operation_name]).toEqual([confirmationId, 'confirm-planner-2', 'Confirmed']);
    expect([originalRow.subject, originalRow.operation_name]).toEqual(['confirm-planner', 'Original']);
    const { request_id: _a, subject: _b, operation_name: _c, ...originalRead } = originalRow;
    const { request_id: _d, subject: _e, operation_name: _f, ...confirmationRead } = confirmationRow;
    expect(confirmationRead).toEqual(originalRead);
    expect(originalRead.fields.length).toBeGreaterThan(0);
    // Each confirmation is a request of its own: audited again.
    expect((await confirm([FIGURES], planner)).body).toBe(CONFIRMED);
    expect(await auditCount()).toBe(before + 2);
    // A fetch's answer named twice (two fetches of one request): two entries, as two fetches write.
    expect((await confirm([FIGURES, FIGURES], planner)).body).toBe(CONFIRMED);
    expect(await auditCount()).toBe(before + 4);
  });

  it('says no, and writes nothing, for another access, another question or other variables', async () => {
    await postAsGateway(police, FIGURES_BODY, planner);
    const before = await auditCount();
    const answers = [
      await confirm([FIGURES], {}),
      await confirm([FIGURES], analyst),
      await confirm([FIGURES], evaluator),
      await confirm([questionDigestOf(undefined, `${POLICE_ENTITIES} `, { id: neighbourhood.id })], planner),
      await confirm([questionDigestOf(undefined, POLICE_ENTITIES, { id: otherNeighbourhood.id })], planner),
      await confirm([questionDigestOf('Other', POLICE_ENTITIES, { id: neighbourhood.id })], planner),
      await confirm([TYPENAME], planner),
      // A kept answer named with one that is not: no, before anything is written.
      await confirm([FIGURES, TYPENAME], planner),
      await confirm([TYPENAME, FIGURES], planner),
    ];
    expect(answers).toEqual(answers.map(() => ({ status: 200, body: NOT_CONFIRMED })));
    expect(await auditCount()).toBe(before);
    // The same caller access, asked the same question, is confirmed (so the refusals above are real).
    expect((await confirm([FIGURES], samePlannerAccess)).body).toBe(CONFIRMED);
  });

  it('says no, and writes nothing, once the sector data has changed around the hub', async () => {
    await postAsGateway(police, FIGURES_BODY, planner);
    const unaudited = await askPolice(TYPENAME_BODY, planner);
    expect(unaudited.headers[ANSWER_KEPT_HEADER]).toBe(TYPENAME);
    let before = await auditCount();
    // An answer that read nothing protected is confirmed at the current version, with no audit entry.
    expect((await confirm([TYPENAME], planner)).body).toBe(CONFIRMED);
    expect(await auditCount()).toBe(before);
    const owner = await stack.ownerDb('police');
    const [{ version: versionBefore }] = await owner.query('SELECT version FROM data_version');
    await owner.query(`UPDATE area SET name = name WHERE id = $1`, [neighbourhood.id]);
    const [{ version: versionAfter }] = await owner.query('SELECT version FROM data_version');
    expect(Number(versionAfter)).toBeGreaterThan(Number(versionBefore));
    before = await auditCount();
    expect(await confirm([FIGURES], planner)).toEqual({ status: 200, body: NOT_CONFIRMED });
    expect(await confirm([TYPENAME], planner)).toEqual({ status: 200, body: NOT_CONFIRMED });
    expect(await auditCount()).toBe(before);
  });

  it('answers confirmations that arrive together each on its own terms, though their entries share statements: a stale answer never rides on a fresh one', async () => {
    await postAsGateway(police, FIGURES_BODY, planner);
    const owner = await stack.ownerDb('police');
    await owner.query(`UPDATE area SET name = name WHERE id = $1`, [neighbourhood.id]);
    // The planner's answer is now from a version gone; the evaluator's, computed after, is current.
    await postAsGateway(police, FIGURES_BODY, evaluator);
    const before = await auditCount();
    const askers = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? planner : evaluator));
    const answers = await Promise.all(askers.map((headers) => confirm([FIGURES], headers)));
    expect(answers.map((answer) => answer.body)).toEqual(askers.map((headers) => (headers === evaluator ? CONFIRMED : NOT_CONFIRMED)));
    const written = (await auditRows()).slice(before);
    expect(written.map((row) => row.subject)).toEqual(Array(6).fill('confirm-evaluator'));
    expect(new Set(written.map((row) => row.request_id)).size).toBe(6);
  });

  it('says no when the audit entry cannot be written (fail closed), and yes again once it can', async () => {
    await postAsGateway(police, FIGURES_BODY, planner);
    const owner = await stack.ownerDb('police');
    const refused = await withAuditLogGone(owner, () => confirm([FIGURES], planner));
    expect(refused).toEqual({ status: 200, body: NOT_CONFIRMED });
    expect(await confirm([FIGURES], planner)).toEqual({ status: 200, body: CONFIRMED });
  });
});

describe('confirmations from outside the gateway', () => {
  const FIGURES_CONFIRMATION = confirmationOf(FIGURES);

  async function assertionFor(bodies: Record<string, string>): Promise<string> {
    return gatewayConfirmationSigner()(bodies, { caller: await callerOfHeaders(planner), requestId: randomUUID() });
  }

  beforeEach(async () => {
    await postAsGateway(police, FIGURES_BODY, planner);
  });

  it('refuses a confirmation without the gateway confirmation assertion for this subgraph and this very body, once', async () => {
    const url = confirmTarget().url;
    const before = await auditCount();
    const none = await send(url, { body: FIGURES_CONFIRMATION });
    expect([none.status, none.body]).toEqual([401, refusal('Gateway assertion refused: the request carries none', 'INVALID_ASSERTION')]);
    const otherAudience = await send(url, { body: FIGURES_CONFIRMATION, headers: { [ASSERTION_HEADER]: await assertionFor({ housing: FIGURES_CONFIRMATION }) } });
    expect([otherAudience.status, otherAudience.body]).toEqual([401, refusal('Gateway assertion refused: it is meant for another subgraph', 'INVALID_ASSERTION')]);
    const otherBody = await send(url, { body: FIGURES_CONFIRMATION, headers: { [ASSERTION_HEADER]: await assertionFor({ police: confirmationOf(TYPENAME) }) } });
    expect([otherBody.status, otherBody.body]).toEqual([401, refusal('Gateway assertion refused: it was signed for another request body', 'INVALID_ASSERTION')]);
    // Another subgraph's body of the same round, sent here: not what this subgraph was signed for.
    const anotherSubgraphsBody = await send(url, {
      body: FIGURES_CONFIRMATION,
      headers: { [ASSERTION_HEADER]: await assertionFor({ police: confirmationOf(TYPENAME), housing: FIGURES_CONFIRMATION }) },
    });
    expect([anotherSubgraphsBody.status, anotherSubgraphsBody.body]).toEqual([401, refusal('Gateway assertion refused: it was signed for another request body', 'INVALID_ASSERTION')]);
    // A fetch's assertion, for this subgraph and this very body, does not confirm.
    const fetchAssertion = await gatewaySigner()('police', { caller: await callerOfHeaders(planner), requestId: randomUUID() }, FIGURES_CONFIRMATION);
    const asFetch = await send(url, { body: FIGURES_CONFIRMATION, headers: { [ASSERTION_HEADER]: fetchAssertion } });
    expect([asFetch.status, asFetch.body]).toEqual([401, refusal('Gateway assertion refused: it is not a gateway assertion', 'INVALID_ASSERTION')]);
    const noCertificate = await send(url, {
      body: FIGURES_CONFIRMATION,
      headers: { [ASSERTION_HEADER]: await assertionFor({ police: FIGURES_CONFIRMATION }) },
      agent: new https.Agent({ ca: [testCertificates().caPem], keepAlive: false }),
    });
    expect([noCertificate.status, noCertificate.body]).toEqual([403, refusal("Only the hub's gateway may call this subgraph: no client certificate was presented", 'UNTRUSTED_CLIENT')]);
    expect(await auditCount()).toBe(before);

    const assertion = await assertionFor({ police: FIGURES_CONFIRMATION, housing: confirmationOf(TYPENAME) });
    const first = await send(url, { body: FIGURES_CONFIRMATION, headers: { [ASSERTION_HEADER]: assertion } });
    expect([first.status, first.body]).toEqual([200, CONFIRMED]);
    const replayed = await send(url, { body: FIGURES_CONFIRMATION, headers: { [ASSERTION_HEADER]: assertion } });
    expect([replayed.status, replayed.body]).toEqual([401, refusal('Gateway assertion refused: it was already used', 'INVALID_ASSERTION')]);
    expect(await auditCount()).toBe(before + 1);
  });

  it("never runs a query with a confirmation's assertion", async () => {
    const before = await auditCount();
    // Signed for police with the GraphQL body itself as police's body: still a confirmation's.
    const asQuery = await send(police.url, { body: FIGURES_BODY, headers: { [ASSERTION_HEADER]: await assertionFor({ police: FIGURES_BODY }) } });
    expect([asQuery.status, asQuery.body]).toEqual([401, refusal('Gateway assertion refused: it is not a gateway assertion', 'INVALID_ASSERTION')]);
    expect(asQuery.body).not.toContain('indicators');
    expect(await auditCount()).toBe(before);
  });

  it('refuses other methods, bodies that are not JSON or not a list of questions, and oversized bodies, with exact typed errors', async () => {
    const url = confirmTarget().url;
    const before = await auditCount();
    const get = await send(url, { method: 'GET', headers: { [ASSERTION_HEADER]: await assertionFor({ police: '' }) } });
    expect([get.status, get.headers.allow, get.body]).toEqual([405, 'POST', refusal('answers are confirmed with POST, not GET', 'METHOD_NOT_ALLOWED')]);
    const refused = async (body: string) => {
      const answer = await send(url, { body, headers: { [ASSERTION_HEADER]: await assertionFor({ police: body }) } });
      return [answer.status, answer.body];
    };
    const notQuestions = [400, refusal(`questions must be a list of 1 to ${MAX_CONFIRMED_QUESTIONS} question digests`, 'BAD_REQUEST')];
    expect(await refused('{"questions":')).toEqual([400, refusal('request body is not valid JSON', 'BAD_REQUEST')]);
    expect(await refused('')).toEqual([400, refusal('request body is not valid JSON', 'BAD_REQUEST')]);
    expect(await refused('[]')).toEqual([400, refusal('the body must be a JSON object', 'BAD_REQUEST')]);
    expect(await refused(FIGURES_BODY)).toEqual(notQuestions);
    expect(await refused(JSON.stringify({ questions: FIGURES }))).toEqual(notQuestions);
    expect(await refused(JSON.stringify({ questions: [] }))).toEqual(notQuestions);
    expect(await refused(JSON.stringify({ questions: [42] }))).toEqual(notQuestions);
    expect(await refused(JSON.stringify({ questions: [`${FIGURES}=`] }))).toEqual(notQuestions);
    expect(await refused(JSON.stringify({ questions: ['../../etc/passwd'] }))).toEqual(notQuestions);
    expect(await refused(JSON.stringify({ questions: Array.from({ length: MAX_CONFIRMED_QUESTIONS + 1 }, () => FIGURES) }))).toEqual(notQuestions);
    const oversized = JSON.stringify({ questions: [FIGURES], padding: 'x'.repeat(1_000_000) });
    const large = await postJson(url, oversized, { agent: gatewayAgent(), headers: { [ASSERTION_HEADER]: await assertionFor({ police: oversized }) } });
    expect([large.status, large.body]).toEqual([413, refusal('request body is larger than 1000000 bytes', 'PAYLOAD_TOO_LARGE')]);
    expect(await auditCount()).toBe(before);
  });

  it('is not served by a subgraph without a response cache', async () => {
    const uncached = await startTestSubgraph(policeDefinition);
    try {
      const answer = await confirmAsGateway(uncached, [FIGURES], planner);
      expect(answer).toEqual({ status: 404, body: '{"error":"not found"}' });
    } finally {
      await uncached.stop();
    }
  });
});
