import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SignJWT } from 'jose';
import { createTokenVerifier, readAuthConfig } from '@cswb/contract/auth';
import { ConfigError } from '@cswb/contract/config';

const claims = { scope: 'aggregates:read records:read:police', agency: 'lakeshore-police', sector: 'police', purpose: 'evaluation' };

function sign(alg: string, key: Parameters<SignJWT['sign']>[0], overrides: { iss?: string; aud?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg })
    .setSubject('analyst-7')
    .setIssuer(overrides.iss ?? 'https://idp.lakeshore.example')
    .setAudience(overrides.aud ?? 'cswb-hub')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}

describe('production keys (JWT_PUBLIC_KEY_FILE)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-keys-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['RS256', generateKeyPairSync('rsa', { modulusLength: 2048 })],
    ['ES256', generateKeyPairSync('ec', { namedCurve: 'P-256' })],
  ])('accepts %s tokens signed by the configured key, and nothing else', async (alg, keys) => {
    const file = path.join(dir, `${alg}.pem`);
    const pem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    fs.writeFileSync(file, pem);
    const verify = createTokenVerifier(readAuthConfig({ JWT_PUBLIC_KEY_FILE: file, JWT_ISSUER: 'https://idp.lakeshore.example' }));

    await expect(verify(`Bearer ${await sign(alg, keys.privateKey)}`)).resolves.toEqual({
      anonymous: false,
      subject: 'analyst-7',
      agency: 'lakeshore-police',
      sector: 'police',
      scopes: ['aggregates:read', 'records:read:police'],
      purpose: 'evaluation',
    });
    // Algorithm confusion: an HS256 token "signed" with the public key text must not pass.
    await expect(verify(`Bearer ${await sign('HS256', new TextEncoder().encode(pem))}`)).rejects.toThrow('Invalid bearer token: signing algorithm not allowed');
    const other = alg === 'RS256' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await expect(verify(`Bearer ${await sign(alg, other.privateKey)}`)).rejects.toThrow('Invalid bearer token: signature does not verify');
    await expect(verify(`Bearer ${await sign(alg, keys.privateKey, { iss: 'https://evil.example' })}`)).rejects.toThrow('Invalid bearer token: unexpected issuer');
  });
});

describe('readAuthConfig', () => {
  it('fails fast, naming the variables', () => {
    expect(() => readAuthConfig({})).toThrow(
      new ConfigError('JWT_JWKS_URL', 'is not set, nor JWT_PUBLIC_KEY_FILE, nor (development only) JWT_DEV_SECRET: tokens cannot be verified'),
    );
    expect(() => readAuthConfig({ JWT_DEV_SECRET: 'short' })).toThrow('JWT_DEV_SECRET: must be at least 32 characters');
    expect(() => readAuthConfig({ JWT_DEV_SECRET: 'x'.repeat(32), JWT_JWKS_URL: 'https://idp.example/jwks' })).toThrow(
      'JWT_JWKS_URL and JWT_DEV_SECRET: set only one way of verifying tokens',
    );
    expect(() => readAuthConfig({ JWT_PUBLIC_KEY_FILE: '/nonexistent/key.pem' })).toThrow(/^JWT_PUBLIC_KEY_FILE: cannot read \/nonexistent\/key.pem/);
  });

  it('treats no header as anonymous and a non-bearer header as an error', async () => {
    const verify = createTokenVerifier(readAuthConfig({ JWT_DEV_SECRET: 'x'.repeat(32) }));
    await expect(verify(undefined)).resolves.toMatchObject({ anonymous: true, scopes: [] });
    await expect(verify('Basic abc')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('reads the token strictness settings, failing fast on bad values', () => {
    expect(readAuthConfig({ JWT_DEV_SECRET: 'x'.repeat(32) })).toMatchObject({ maxFutureIssuedAtSeconds: 60, maxTokenBytes: 8192 });
    expect(readAuthConfig({ JWT_DEV_SECRET: 'x'.repeat(32), JWT_MAX_FUTURE_IAT_SECONDS: '0', JWT_MAX_BYTES: '4096' })).toMatchObject({ maxFutureIssuedAtSeconds: 0, maxTokenBytes: 4096 });
    expect(() => readAuthConfig({ JWT_DEV_SECRET: 'x'.repeat(32), JWT_MAX_BYTES: '8k' })).toThrow(/^JWT_MAX_BYTES: must be a positive whole number/);
    expect(() => readAuthConfig({ JWT_DEV_SECRET: 'x'.repeat(32), JWT_MAX_FUTURE_IAT_SECONDS: '-1' })).toThrow(/^JWT_MAX_FUTURE_IAT_SECONDS/);
  });
});
