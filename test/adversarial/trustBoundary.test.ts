/**
 * The gateway–subgraph trust boundary, tried as a caller on the same network would: every
 * subgraph port refuses anything that is not the hub's gateway with its assertion for that very
 * request, before parsing it, and gives no data and no schema. Each refusal is paired with the
 * same request made correctly, which succeeds, so the test fails if the check is merely broken.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { SignJWT } from 'jose';
import { ASSERTION_HEADER, bodyHash, certificateThumbprint, createServiceAssertionSigner, ensureDeploymentCertificates, GATEWAY_ISSUER, MemberCredentials, postJson, SERVICE_ASSERTION_HEADER } from '@cswb/contract/trust';
import { gatewayAgent, postAsGateway, testCertificates } from '@cswb/testing/trust';
import { graphql } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { startTestSubgraph } from '@cswb/testing/subgraph';
import { subgraph as police } from '@cswb/subgraph-police';
import { bearer, signToken, TEST_JWT_SECRET } from '@cswb/testing/tokens';

let stack: TestStack;
let rogueDir: string;

beforeAll(async () => {
  stack = await startTestStack('trust');
  rogueDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-rogue-ca-'));
  // Another CA, whose "gateway" certificate has the very same name as the hub's.
  await ensureDeploymentCertificates(rogueDir, ['police']);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  fs.rmSync(rogueDir, { recursive: true, force: true });
});

const SCHEMA_QUERY = JSON.stringify({ query: '{ _service { sdl } }' });
const TYPENAME_QUERY = JSON.stringify({ query: '{ __typename }' });

interface Answer {
  status: number;
  body: string;
}

/** A TLS client of our choosing: any certificate (or none), trusting the deployment CA. */
function agentWith(credentials?: MemberCredentials): https.Agent {
  return new https.Agent({ ca: [testCertificates().caPem], cert: credentials?.certificatePem, key: credentials?.keyPem, keepAlive: false });
}

async function send(url: string, body: string, headers: Record<string, string>, agent?: https.Agent): Promise<Answer> {
  return postJson(url, body, { headers, agent: agent ?? gatewayAgent(), timeoutMs: 5000 });
}

/** An assertion with any claims, signed with any key: what a forger (or a thief of an old one) holds. */
async function craft(
  key: string,
  claims: Record<string, unknown>,
  options: { audience: string; issuedAt?: number; expiresAt?: number; alg?: 'ES256'; typ?: string; certificatePem?: string },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const certificatePem = options.certificatePem ?? testCertificates().member('gateway').certificatePem;
  return new SignJWT({ rid: randomUUID(), anon: true, cnf: { 'x5t#S256': certificateThumbprint(new X509Certificate(certificatePem)) }, ...claims })
    .setProtectedHeader({ alg: 'ES256', typ: options.typ ?? 'cswb-assertion+jwt' })
    .setIssuer(GATEWAY_ISSUER)
    .setAudience(options.audience)
    .setIssuedAt(options.issuedAt ?? now)
    .setExpirationTime(options.expiresAt ?? now + 30)
    .setJti(randomUUID())
    .sign(createPrivateKey(key));
}

function expectRefused(answer: Answer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  const body = JSON.parse(answer.body) as { data?: unknown; errors: { extensions: { code: string } }[] };
  expect(body.data).toBeUndefined();
  expect(body.errors[0].extensions.code).toBe(code);
  expect(answer.body).not.toContain('sdl');
  expect(answer.body).not.toContain('@key');
}

describe('a subgraph port, called by something other than the gateway', () => {
  it('refuses every subgraph without a client certificate (no schema, no data), while the gateway gets through', async () => {
    for (const subgraph of stack.subgraphs) {
      expect(subgraph.url.startsWith('https://')).toBe(true);
      expectRefused(await send(subgraph.url, SCHEMA_QUERY, {}, agentWith()), 403, 'UNTRUSTED_CLIENT');
      const asGateway = await postAsGateway(subgraph, SCHEMA_QUERY);
      expect(asGateway.status).toBe(200);
      expect(asGateway.body).toContain('@key');
    }
  });

  it('refuses plain HTTP on the TLS port', async () => {
    const police = stack.subgraphs.find((s) => s.name === 'police')!;
    const plain = police.url.replace('https://', 'http://');
    const answer = await postJson(plain, SCHEMA_QUERY, { timeoutMs: 5000 }).catch((error: Error) => ({ status: 0, body: error.message }));
    expect(answer.status === 0 || answer.status >= 400).toBe(true);
    expect(answer.body).not.toContain('@key');
  });

  it('refuses a certificate from another CA that claims to be the gateway', async () => {
    const rogue = JSON.parse(JSON.stringify({
      name: 'gateway',
      certificatePem: fs.readFileSync(path.join(rogueDir, 'gateway.crt'), 'utf8'),
      keyPem: fs.readFileSync(path.join(rogueDir, 'gateway.key'), 'utf8'),
    })) as MemberCredentials;
    for (const subgraph of stack.subgraphs) {
      // Even with an assertion signed by the rogue gateway key for this very body.
      const assertion = await craft(rogue.keyPem, { bh: bodyHash(TYPENAME_QUERY) }, { audience: subgraph.name, certificatePem: rogue.certificatePem });
      expectRefused(await send(subgraph.url, TYPENAME_QUERY, { [ASSERTION_HEADER]: assertion }, agentWith(rogue)), 403, 'UNTRUSTED_CLIENT');
    }
  });

  it("refuses another member's certificate: planning cannot call police directly", async () => {
    const police = stack.subgraphs.find((s) => s.name === 'police')!;
    const planning = testCertificates().member('planning');
    const assertion = await craft(planning.keyPem, { bh: bodyHash(TYPENAME_QUERY) }, { audience: 'police', certificatePem: planning.certificatePem });
    const answer = await send(police.url, TYPENAME_QUERY, { [ASSERTION_HEADER]: assertion }, agentWith(planning));
    expectRefused(answer, 403, 'UNTRUSTED_CLIENT');
    expect(JSON.parse(answer.body).errors[0].message).toContain('"planning"');
  });
});

describe("the gateway's certificate without a valid assertion", () => {
  const gatewayKey = () => testCertificates().member('gateway').keyPem;

  it('refuses a request with no assertion, and one with a bearer token instead', async () => {
    for (const subgraph of stack.subgraphs) {
      expectRefused(await send(subgraph.url, TYPENAME_QUERY, {}), 401, 'INVALID_ASSERTION');
      const token = await signToken({ scope: 'aggregates:read records:read:police records:read:health', purpose: 'evaluation' });
      expectRefused(await send(subgraph.url, TYPENAME_QUERY, bearer(token)), 401, 'INVALID_ASSERTION');
    }
  });

  it('refuses an assertion signed by any other key (another member, the development token secret)', async () => {
    const police = stack.subgraphs.find((s) => s.name === 'police')!;
    const planningKey = testCertificates().member('planning').keyPem;
    const forged = await craft(planningKey, { bh: bodyHash(TYPENAME_QUERY) }, { audience: 'police' });
    expectRefused(await send(police.url, TYPENAME_QUERY, { [ASSERTION_HEADER]: forged }), 401, 'INVALID_ASSERTION');
    // Algorithm confusion: HS256 with the token secret everybody in development knows.
    const now = Math.floor(Date.now() / 1000);
    const hs256 = await new SignJWT({ rid: randomUUID(), anon: false, scope: 'records:read:police', bh: bodyHash(TYPENAME_QUERY) })
      .setProtectedHeader({ alg: 'HS256', typ: 'cswb-assertion+jwt' })
      .setIssuer(GATEWAY_ISSUER)
      .setAudience('police')
      .setIssuedAt(now)
      .setExpirationTime(now + 30)
      .setJti(randomUUID())
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    expectRefused(await send(police.url, TYPENAME_QUERY, { [ASSERTION_HEADER]: hs256 }), 401, 'INVALID_ASSERTION');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"cswb-assertion+jwt"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: GATEWAY_ISSUER, aud: 'police' })).toString('base64url')}.`;
    expectRefused(await send(police.url, TYPENAME_QUERY, { [ASSERTION_HEADER]: unsigned }), 401, 'INVALID_ASSERTION');
    // The same, correctly signed, is accepted: the refusals above are the key's doing.
    const genuine = await craft(gatewayKey(), { bh: bodyHash(TYPENAME_QUERY) }, { audience: 'police' });
    expect((await send(police.url, TYPENAME_QUERY, { [ASSERTION_HEADER]: genuine })).status).toBe(200);
  });

  it('refuses an expired, a too long-lived and a future assertion', async () => {
    const police = stack.subgraphs.find((s) => s.name === 'police')!;
    const now = Math.floor(Date.now() / 1000);
    const bh = bodyHash(TYPENAME_QUERY);
    const cases = [
      await craft(gatewayKey(), { bh }, { audience: 'police', issuedAt: now - 120, expiresAt: now - 60 }),
      await craft(gatewayKey(), { bh }, { audience: 'police', issuedAt: now, expiresAt: now + 3600 }),
      await craft(gatewayKey(), { bh }, { audience: 'police', issuedAt: now + 600, expiresAt: now + 620 }),
    ];
    for (const assertion of cases) expectRefused(await send(police.url, TYPENAME_QUERY, { [ASSERTION_HEADER]: assertion }), 401, 'INVALID_ASSERTION');
  });

  it('refuses an assertion meant for another subgraph', async () => {
    const police = stack.subgraphs.find((s) => s.name === 'police')!;
    const forHealth = await craft(gatewayKey(), { bh: bodyHash(TYPENAME_QUERY) }, { audience: 'health' });
    const answer = await send(police.url, TYPENAME_QUERY, { [ASSERTION_HEADER]: forHealth });
    expectRefused(answer, 401, 'INVALID_ASSERTION');
    expect(JSON.parse(answer.body).errors[0].message).toContain('another subgraph');
  });

  it('refuses a replayed assertion, and one moved to another body', async () => {
    const health = stack.subgraphs.find((s) => s.name === 'health')!;
    const assertion = await craft(gatewayKey(), { bh: bodyHash(TYPENAME_QUERY), anon: false, scope: 'records:read:health' }, { audience: 'health' });
    expect((await send(health.url, TYPENAME_QUERY, { [ASSERTION_HEADER]: assertion })).status).toBe(200);
    const replay = await send(health.url, TYPENAME_QUERY, { [ASSERTION_HEADER]: assertion });
    expectRefused(replay, 401, 'INVALID_ASSERTION');
    expect(JSON.parse(replay.body).errors[0].message).toContain('already used');

    const fresh = await craft(gatewayKey(), { bh: bodyHash(TYPENAME_QUERY) }, { audience: 'health' });
    const other = JSON.stringify({ query: '{ _service { sdl } }' });
    const moved = await send(health.url, other, { [ASSERTION_HEADER]: fresh });
    expectRefused(moved, 401, 'INVALID_ASSERTION');
    expect(JSON.parse(moved.body).errors[0].message).toContain('another request body');
  });

  it('refuses an assertion bound to another certificate than the one presented', async () => {
    const police = stack.subgraphs.find((s) => s.name === 'police')!;
    const boundToPlanning = await craft(gatewayKey(), { bh: bodyHash(TYPENAME_QUERY) }, { audience: 'police', certificatePem: testCertificates().member('planning').certificatePem });
    expectRefused(await send(police.url, TYPENAME_QUERY, { [ASSERTION_HEADER]: boundToPlanning }), 401, 'INVALID_ASSERTION');
  });
});

describe('request ids and service identity through the gateway', () => {
  it("makes its own request id: the client's x-request-id is not adopted", async () => {
    const response = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'chosen-by-client' },
      body: JSON.stringify({ query: '{ areas(kind: WARD) { id } }' }),
    });
    expect(response.status).toBe(200);
    const id = response.headers.get('x-request-id');
    expect(id).not.toBe('chosen-by-client');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a client that claims to be a member, or presents a gateway assertion as its token', async () => {
    const query = JSON.stringify({ query: '{ areas(kind: WARD) { id } }' });
    const forgedService = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SERVICE_ASSERTION_HEADER]: 'not-a-jwt', authorization: `Bearer ${await signToken({ scope: 'aggregates:read' })}` },
      body: query,
    });
    expect(forgedService.status).toBe(401);
    expect(await forgedService.text()).not.toContain('lakeshore');

    // A captured gateway assertion for planning, shown to the gateway as a bearer token.
    const planningAssertion = await craft(testCertificates().member('gateway').keyPem, { bh: bodyHash(query), anon: false, scope: 'aggregates:read records:read:police' }, { audience: 'planning' });
    const asToken = await fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${planningAssertion}` }, body: query });
    expect(asToken.status).toBe(401);

    // ... and with a member signature made with a certificate from another CA.
    const rogueMember = { name: 'planning', certificatePem: fs.readFileSync(path.join(rogueDir, 'police.crt'), 'utf8'), keyPem: fs.readFileSync(path.join(rogueDir, 'police.key'), 'utf8') };
    const rogueSignature = await createServiceAssertionSigner(rogueMember)(query);
    const withRogue = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SERVICE_ASSERTION_HEADER]: rogueSignature, authorization: `Bearer ${planningAssertion}` },
      body: query,
    });
    expect(withRogue.status).toBe(401);
  });

  it('lets planning act for its caller with its own identity (risk analysis through the gateway)', async () => {
    const response = await graphql(
      stack.gateway.url,
      `{ riskAnalysis(kind: NEIGHBOURHOOD, from: "2023-01-01", to: "2023-12-31", indicators: [{ indicatorId: "police.violent_crime_rate", weight: 1 }]) { rank composite } }`,
      undefined,
      bearer(await signToken({ scope: 'aggregates:read plans:write', purpose: 'planning' })),
    );
    expect(response.errors).toBeUndefined();
    expect((response.data as { riskAnalysis: unknown[] }).riskAnalysis.length).toBeGreaterThan(0);
  });
});

describe('with TLS terminated in front of the subgraph (SUBGRAPH_TLS=off)', () => {
  it('still refuses anything without a valid assertion for this body, once', async () => {
    const plain = await startTestSubgraph(police, { tls: 'off' });
    try {
      expect(plain.url.startsWith('http://')).toBe(true);
      expectRefused(await postJson(plain.url, SCHEMA_QUERY), 401, 'INVALID_ASSERTION');
      const token = await signToken({ scope: 'records:read:police aggregates:read', purpose: 'evaluation' });
      expectRefused(await postJson(plain.url, SCHEMA_QUERY, { headers: bearer(token) }), 401, 'INVALID_ASSERTION');
      const assertion = await craft(testCertificates().member('gateway').keyPem, { bh: bodyHash(SCHEMA_QUERY) }, { audience: 'police' });
      const accepted = await postJson(plain.url, SCHEMA_QUERY, { headers: { [ASSERTION_HEADER]: assertion } });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toContain('@key');
      expectRefused(await postJson(plain.url, SCHEMA_QUERY, { headers: { [ASSERTION_HEADER]: assertion } }), 401, 'INVALID_ASSERTION');
    } finally {
      await plain.stop();
    }
  });
});
