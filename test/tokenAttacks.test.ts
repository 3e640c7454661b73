import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { postJson } from '@cswb/contract/trust';
import { graphql } from '@cswb/testing/graphql';
import { gatewayAgent } from '@cswb/testing/trust';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken, TEST_AUDIENCE, TEST_ISSUER, TEST_JWT_SECRET } from '@cswb/testing/tokens';

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

/** A valid token issued `issuedIn` seconds from now, with any extra claims. */
async function signedAt(issuedIn: number, extra: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...ANALYST, ...extra })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('test-user')
    .setIssuer(TEST_ISSUER)
    .setAudience(TEST_AUDIENCE)
    .setIssuedAt(now + issuedIn)
    .setExpirationTime(now + 3600 + issuedIn)
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

/** A valid token whose signature has a `-` or `_`, so that its standard-base64 spelling differs. */
async function tokenWithUrlSafeCharacters(): Promise<string> {
  for (let i = 0; ; i++) {
    const token = await signedAt(0, { nonce: i });
    if (/[-_]/.test(token.split('.')[2])) return token;
  }
}

/** The same bytes spelt differently: the last character's unused low bit flipped (43 characters carry 258 bits for 256). */
function withTrailingBitFlipped(part: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return part.slice(0, -1) + alphabet[alphabet.indexOf(part.slice(-1)) ^ 1];
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
    'issued an hour in the future': await signedAt(3600),
    'padded signature': `${valid}==`,
    'padded header': `${header}=.${valid.split('.')[1]}.${signature}`,
    'standard base64 (+ and /) signature': await tokenWithUrlSafeCharacters().then((t) => t.replace(/-/g, '+').replace(/_/g, '/')),
    'signature with non-zero trailing bits': (() => {
      const [h, p, s] = valid.split('.');
      return `${h}.${p}.${withTrailingBitFlipped(s)}`;
    })(),
    'larger than 8 KB': await signedAt(0, { padding: 'x'.repeat(9_000) }),
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

  it('accepts a token issued within the allowed clock skew (JWT_MAX_FUTURE_IAT_SECONDS, 60 s), and the same bytes spelt canonically', async () => {
    const response = await graphql(stack.gateway.url, SENSITIVE, undefined, bearer(await signedAt(30)));
    expect(response.errors).toBeUndefined();
    const canonical = await tokenWithUrlSafeCharacters();
    expect((await graphql(stack.gateway.url, SENSITIVE, undefined, bearer(canonical))).errors).toBeUndefined();
  });

  it('names the flaw of each strictness refusal', async () => {
    const reasons: Record<string, RegExp> = {
      'issued an hour in the future': /issued in the future/,
      'padded signature': /signature is not unpadded base64url/,
      'standard base64 (+ and /) signature': /signature is not unpadded base64url/,
      'signature with non-zero trailing bits': /signature is not canonical base64url/,
      'larger than 8 KB': /larger than 8192 bytes/,
    };
    const all = await attacks();
    for (const [attack, reason] of Object.entries(reasons)) {
      const response = await graphql(stack.gateway.url, SENSITIVE, undefined, bearer(all[attack]));
      expect({ attack, message: response.errors?.[0]?.message }).toEqual({ attack, message: expect.stringMatching(reason) });
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
