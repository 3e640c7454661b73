import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, SignJWT } from 'jose';
import { type AuthConfig, createTokenVerifier, type Caller, VerifiedTokenCache } from '@cswb/contract/auth';

const caller = (subject: string): Caller => ({ anonymous: false, subject, agency: 'lakeshore-police', sector: 'police', scopes: ['aggregates:read'], purpose: 'evaluation' });

describe('VerifiedTokenCache', () => {
  it('serves a token until its exp and never after, and drops it then', () => {
    const cache = new VerifiedTokenCache(10);
    cache.set('t', { caller: caller('a'), expiresAtMs: 2000 }, 1000);
    expect(cache.callerFor('t', 1999)).toEqual(caller('a'));
    expect(cache.callerFor('t', 2000)).toBeUndefined();
    expect(cache.size).toBe(0);
    // Nothing already expired is kept at all.
    cache.set('late', { caller: caller('b'), expiresAtMs: 2000 }, 2000);
    expect(cache.size).toBe(0);
  });

  it('holds at most maxEntries tokens, the oldest leaving first', () => {
    const cache = new VerifiedTokenCache(3);
    for (const token of ['a', 'b', 'c', 'd', 'e']) cache.set(token, { caller: caller(token), expiresAtMs: 10_000 }, 0);
    expect(cache.size).toBe(3);
    expect(['a', 'b', 'c', 'd', 'e'].map((token) => cache.callerFor(token, 1)?.subject ?? null)).toEqual([null, null, 'c', 'd', 'e']);
    expect(new VerifiedTokenCache(0).size).toBe(0);
    const none = new VerifiedTokenCache(0);
    none.set('a', { caller: caller('a'), expiresAtMs: 10_000 }, 0);
    expect(none.callerFor('a', 1)).toBeUndefined();
  });

  it('gives each request its own copy: changing one cannot change what the next caller gets', () => {
    const cache = new VerifiedTokenCache(10);
    const original = caller('a');
    cache.set('t', { caller: original, expiresAtMs: 10_000 }, 0);
    (original.scopes as string[]).push('records:read:police');
    const first = cache.callerFor('t', 1)!;
    (first.scopes as string[]).push('records:read:police');
    (first as { subject: string }).subject = 'mallory';
    expect(cache.callerFor('t', 1)).toEqual(caller('a'));
  });
});

const SECRET = randomBytes(32).toString('hex');
const devConfig = (overrides: Partial<AuthConfig> = {}): AuthConfig => ({
  issuer: 'cswb-hub-dev',
  audience: 'cswb-hub',
  keys: { kind: 'development-secret', secret: SECRET },
  clockToleranceSeconds: 1,
  maxFutureIssuedAtSeconds: 60,
  maxTokenBytes: 8192,
  ...overrides,
});

function token(claims: { exp: number; nbf?: number; sub?: string }, sign: { alg: string; key: KeyObject | Uint8Array; kid?: string } = { alg: 'HS256', key: new TextEncoder().encode(SECRET) }) {
  const jwt = new SignJWT({ scope: 'aggregates:read' })
    .setProtectedHeader({ alg: sign.alg, ...(sign.kid ? { kid: sign.kid } : {}) })
    .setSubject(claims.sub ?? 'analyst-7')
    .setIssuer('cswb-hub-dev')
    .setAudience('cswb-hub')
    .setIssuedAt()
    .setExpirationTime(claims.exp);
  if (claims.nbf !== undefined) jwt.setNotBefore(claims.nbf);
  return jwt.sign(sign.key);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('createTokenVerifier with its cache of verified tokens', () => {
  it('refuses a token once it has expired, though it verified (and was kept) before', async () => {
    const verify = createTokenVerifier(devConfig());
    const bearer = `Bearer ${await token({ exp: nowSeconds() + 1 })}`;
    await expect(verify(bearer)).resolves.toMatchObject({ subject: 'analyst-7', scopes: ['aggregates:read'] });
    await expect(verify(bearer)).resolves.toMatchObject({ subject: 'analyst-7' });
    // exp plus the 1 s clock tolerance, and a little more.
    await sleep(2300);
    await expect(verify(bearer)).rejects.toThrow('Invalid bearer token: token has expired');
    await expect(verify(bearer)).rejects.toThrow('Invalid bearer token: token has expired');
  });

  it('keeps no refusal: a token not yet valid is accepted once its nbf is reached', async () => {
    const verify = createTokenVerifier(devConfig());
    const bearer = `Bearer ${await token({ exp: nowSeconds() + 60, nbf: nowSeconds() + 2 })}`;
    await expect(verify(bearer)).rejects.toThrow('Invalid bearer token: token is not yet valid');
    await sleep(2200);
    await expect(verify(bearer)).resolves.toMatchObject({ subject: 'analyst-7' });
  });

  it('still refuses every altered spelling of a kept token', async () => {
    const verify = createTokenVerifier(devConfig());
    const valid = await token({ exp: nowSeconds() + 60 });
    await expect(verify(`Bearer ${valid}`)).resolves.toMatchObject({ subject: 'analyst-7' });
    const [header, payload, signature] = valid.split('.');
    await expect(verify(`Bearer ${header}.${payload}.${signature}=`)).rejects.toThrow('Invalid bearer token: token signature is not unpadded base64url');
    await expect(verify(`Bearer ${header}.${payload}.${signature.slice(0, -2)}AA`)).rejects.toThrow(/Invalid bearer token: (signature does not verify|token signature is not canonical base64url)/);
    await expect(verify(`Bearer ${header}.${payload}.`)).rejects.toThrow('Invalid bearer token');
    await expect(verify(`Bearer ${valid}`)).resolves.toMatchObject({ subject: 'analyst-7' });
  });

  it('a token whose key was removed from the JWKS is refused once the key set is fetched again, though it was kept', async () => {
    const first = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const second = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = async (key: KeyObject, kid: string) => ({ ...(await exportJWK(key)), kid, alg: 'ES256', use: 'sig' });
    let keys = [await jwk(first.publicKey, 'k1')];
    let fetches = 0;
    const server = http.createServer((_request, response) => {
      fetches += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
      const verify = createTokenVerifier(devConfig({ keys: { kind: 'jwks', url } }), { remoteKeySet: { cacheMaxAge: 500, cooldownDuration: 0 } });
      const bearer = `Bearer ${await token({ exp: nowSeconds() + 60 }, { alg: 'ES256', key: first.privateKey, kid: 'k1' })}`;
      await expect(verify(bearer)).resolves.toMatchObject({ subject: 'analyst-7' });
      await expect(verify(bearer)).resolves.toMatchObject({ subject: 'analyst-7' });
      expect(fetches).toBe(1);
      // The identity provider revokes k1 and signs with k2 from now on.
      keys = [await jwk(second.publicKey, 'k2')];
      await sleep(700);
      await expect(verify(bearer)).rejects.toThrow('Invalid bearer token: no key matches the token');
      expect(fetches).toBeGreaterThanOrEqual(2);
      const rotated = `Bearer ${await token({ exp: nowSeconds() + 60 }, { alg: 'ES256', key: second.privateKey, kid: 'k2' })}`;
      await expect(verify(rotated)).resolves.toMatchObject({ subject: 'analyst-7' });
      await expect(verify(bearer)).rejects.toThrow('Invalid bearer token: no key matches the token');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
