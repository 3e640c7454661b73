import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { postJson } from '@cswb/shared';
import { graphql } from './support/graphql';
import { gatewayAgent } from './support/asGateway';
import { startTestStack, TestStack } from './support/stack';
import { bearer, signToken, TEST_AUDIENCE, TEST_ISSUER } from './support/tokens';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('tokens');
});
afterAll(async () => {
  await stack?.stop();
});

const ANALYST = { scope: 'aggregates:read records:read:police', agency: 'lakeshore-police', sector: 'police', purpose: 'evaluation' };
const SENSITIVE = '{ policeOccurrences(areaId: "lakeshore-n002", from: "2024-01-01", to: "2024-12-31") { occurrenceNumber } }';

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function attacks(): Promise<Record<string, string>> {
  const valid = await signToken(ANALYST);
  const [header, , signature] = valid.split('.');
  const now = Math.floor(Date.now() / 1000);
  const claims = { ...ANALYST, sub: 'attacker', iss: TEST_ISSUER, aud: TEST_AUDIENCE, iat: now, exp: now + 600 };
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    expired: await signToken({ ...ANALYST, expiresIn: -120 }),
    'not yet valid': await signToken({ ...ANALYST, notBeforeIn: 3600 }),
    'wrong issuer': await signToken({ ...ANALYST, iss: 'https://evil.example' }),
    'wrong audience': await signToken({ ...ANALYST, aud: 'another-api' }),
    'wrong key': await signToken(ANALYST, 'a-different-secret-that-is-also-32-characters'),
    'alg none': `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`,
    'tampered claims': `${header}.${base64url({ ...claims, scope: `${ANALYST.scope} audit:read` })}.${signature}`,
    'RS256 where only HS256 is configured': await new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).sign(privateKey),
    'unknown purpose': await signToken({ ...ANALYST, purpose: 'curiosity' }),
    garbage: 'not-a-jwt',
  };
}

describe('token attacks', () => {
  it('a valid token reads the sensitive field (so the attacks below are refused for their flaw alone)', async () => {
    const response = await graphql(stack.gateway.url, SENSITIVE, undefined, bearer(await signToken(ANALYST)));
    expect(response.errors).toBeUndefined();
    expect(response.data.policeOccurrences.length).toBeGreaterThan(0);
  });

  it('refuses every forged, stale or misdirected token with 401 and no data, at the gateway and at the subgraph', async () => {
    const police = stack.subgraphs.find((s) => s.name === 'police')!;
    const body = JSON.stringify({ query: SENSITIVE });
    for (const [attack, token] of Object.entries(await attacks())) {
      const response = await graphql(stack.gateway.url, SENSITIVE, undefined, bearer(token));
      expect({ attack, status: response.status, code: response.errors?.[0]?.extensions?.code, data: response.data ?? null }).toEqual({
        attack,
        status: 401,
        code: 'UNAUTHENTICATED',
        data: null,
      });
      // A subgraph takes no token at all, even over the gateway's own TLS connection: only the
      // gateway's assertion (test/adversarial/trustBoundary.test.ts).
      const direct = await postJson(police.url, body, { agent: gatewayAgent(), headers: bearer(token) });
      expect({ attack, status: direct.status, code: JSON.parse(direct.body).errors?.[0]?.extensions?.code, data: JSON.parse(direct.body).data ?? null }).toEqual({
        attack,
        status: 401,
        code: 'INVALID_ASSERTION',
        data: null,
      });
    }
  });

  it('refuses a header that is not a bearer token', async () => {
    const response = await graphql(stack.gateway.url, SENSITIVE, undefined, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(response.status).toBe(401);
    expect(response.data ?? null).toBeNull();
  });

  it('treats a missing token as anonymous: public data served, the sensitive field withheld and its subgraph not asked', async () => {
    stack.counters.police.reset();
    const response = await graphql(stack.gateway.url, `{ areas(kind: WARD) { id } ${SENSITIVE.slice(1, -1)} }`);
    expect(stack.counters.police.count + stack.counters.police.auditWrites).toBe(0);
    expect(response.status).toBe(200);
    expect(response.data.areas).toHaveLength(4);
    expect(response.data.policeOccurrences).toBeNull();
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
  });
});
