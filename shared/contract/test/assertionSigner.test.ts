import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeJwt, decodeProtectedHeader, jwtVerify, SignJWT, type JWTHeaderParameters, type KeyLike } from 'jose';
import { createAssertionSigner, createAssertionVerifier, createConfirmationSigner, ensureDeploymentCertificates, GATEWAY_MEMBER, VerifiedSignatures, verifiedSignaturesOf } from '@cswb/contract/trust';

describe('the gateway\'s assertion signer', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-signer-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('makes the compact ES256 JWS the subgraphs verify: its header, claims in order, bound to the body and the certificate', async () => {
    const certificates = await ensureDeploymentCertificates(dir, [GATEWAY_MEMBER, 'police']);
    const gateway = certificates.member(GATEWAY_MEMBER);
    const sign = createAssertionSigner(gateway, 30);
    const body = '{"query":"{ __typename }"}';
    const caller = { anonymous: false, subject: 'analyst-7', agency: 'lakeshore-police', sector: 'police', scopes: ['aggregates:read', 'records:read:police'], purpose: 'evaluation' as const };
    const before = Math.floor(Date.now() / 1000);
    const token = await sign('police', { caller, requestId: 'req-1', operationName: 'AreaProfile', actor: 'planning' }, body);

    expect(token.split('.')).toHaveLength(3);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', typ: 'cswb-assertion+jwt' });
    const claims = decodeJwt(token);
    expect(Object.keys(claims)).toEqual(['rid', 'op', 'anon', 'sub', 'agency', 'sector', 'scope', 'purpose', 'act', 'bh', 'cnf', 'iss', 'aud', 'iat', 'exp', 'jti']);
    expect(claims).toMatchObject({ rid: 'req-1', op: 'AreaProfile', anon: false, sub: 'analyst-7', scope: 'aggregates:read records:read:police', act: 'planning', aud: 'police' });
    expect(claims.bh).toBe(createHash('sha256').update(body).digest('base64url'));
    expect(claims.exp! - claims.iat!).toBe(30);
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    // Verifiable with jose and the gateway certificate's public key, and by a subgraph's verifier.
    const publicKey = createPublicKey(gateway.certificatePem);
    await expect(jwtVerify(token, publicKey, { algorithms: ['ES256'], audience: 'police' })).resolves.toBeDefined();
    const verifier = createAssertionVerifier({ audience: 'police', gatewayCertificatePem: gateway.certificatePem, caPem: certificates.caPem, ttlSeconds: 30 });
    await expect(verifier.verifyRequest(token, body, null)).resolves.toMatchObject({ caller, requestId: 'req-1', operationName: 'AreaProfile', actor: 'planning' });
    await expect(verifier.verifyRequest(token, body, null)).rejects.toThrow('it was already used');
    // Each fetch its own id; an anonymous caller carries anon only.
    const anonymous = await sign('police', { caller: { anonymous: true, subject: null, agency: null, sector: null, scopes: [], purpose: null }, requestId: 'req-2' }, body);
    expect(decodeJwt(anonymous).jti).not.toBe(claims.jti);
    expect(Object.keys(decodeJwt(anonymous))).toEqual(['rid', 'anon', 'bh', 'cnf', 'iss', 'aud', 'iat', 'exp', 'jti']);
    // Altered by one byte, it is refused.
    const [h, p, s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'mallory' })).toString('base64url')}.${s}`;
    await expect(verifier.verifyRequest(forged, body, null)).rejects.toThrow('its signature does not verify');
    expect(p).not.toBe(forged.split('.')[1]);
  });
});

describe("the gateway's confirmation signer", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-confirmation-signer-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('signs one assertion for every subgraph of a round, each bound to its own body; each kind is accepted only where it belongs', async () => {
    const certificates = await ensureDeploymentCertificates(dir, [GATEWAY_MEMBER, 'police', 'health']);
    const gateway = certificates.member(GATEWAY_MEMBER);
    const verifierOf = (audience: string) => createAssertionVerifier({ audience, gatewayCertificatePem: gateway.certificatePem, caPem: certificates.caPem, ttlSeconds: 30 });
    const [police, health] = [verifierOf('police'), verifierOf('health')];
    const bodies = { police: '{"questions":["p"]}', health: '{"questions":["h"]}' };
    const caller = { anonymous: false, subject: 'planner-1', agency: null, sector: null, scopes: ['aggregates:read'], purpose: 'planning' as const };
    const token = createConfirmationSigner(gateway, 30)(bodies, { caller, requestId: 'req-9', operationName: 'Profile' });

    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', typ: 'cswb-confirmation+jwt' });
    const claims = decodeJwt(token);
    expect(Object.keys(claims)).toEqual(['rid', 'op', 'anon', 'sub', 'scope', 'purpose', 'bhs', 'cnf', 'iss', 'aud', 'iat', 'exp', 'jti']);
    expect(claims.aud).toEqual(['police', 'health']);
    expect(claims.bhs).toEqual({ police: createHash('sha256').update(bodies.police).digest('base64url'), health: createHash('sha256').update(bodies.health).digest('base64url') });

    const refusal = (verify: Promise<unknown>) => verify.then(() => 'accepted', (error: Error) => error.message.replace('Gateway assertion refused: ', ''));
    // Each subgraph of the round, with its own body only, once.
    expect(await refusal(police.verifyRequest(token, bodies.health, null, 'confirmation'))).toBe('it was signed for another request body');
    await expect(police.verifyRequest(token, bodies.police, null, 'confirmation')).resolves.toMatchObject({ caller, requestId: 'req-9', operationName: 'Profile' });
    expect(await refusal(police.verifyRequest(token, bodies.police, null, 'confirmation'))).toBe('it was already used');
    await expect(health.verifyRequest(token, bodies.health, null, 'confirmation')).resolves.toMatchObject({ requestId: 'req-9' });
    // Not for a subgraph outside the round.
    expect(await refusal(verifierOf('housing').verifyRequest(token, bodies.police, null, 'confirmation'))).toBe('it is meant for another subgraph');
    // A confirmation's assertion never runs a GraphQL request, nor is a fetch's a confirmation.
    const fresh = createConfirmationSigner(gateway, 30)(bodies, { caller, requestId: 'req-10' });
    expect(await refusal(verifierOf('police').verifyRequest(fresh, bodies.police, null))).toBe('it is not a gateway assertion');
    const fetchToken = await createAssertionSigner(gateway, 30)('police', { caller, requestId: 'req-11' }, bodies.police);
    expect(await refusal(verifierOf('police').verifyRequest(fetchToken, bodies.police, null, 'confirmation'))).toBe('it is not a gateway assertion');
    // A fetch's assertion names one subgraph: one signed for a list is refused, even if it names this one.
    const key = createPrivateKey(gateway.keyPem);
    const listed = await new SignJWT({ rid: randomUUID(), anon: true, bh: createHash('sha256').update(bodies.police).digest('base64url') })
      .setProtectedHeader({ alg: 'ES256', typ: 'cswb-assertion+jwt' })
      .setIssuer('cswb-gateway')
      .setAudience(['police', 'health'])
      .setIssuedAt()
      .setExpirationTime('30s')
      .setJti(randomUUID())
      .sign(key);
    expect(await refusal(verifierOf('police').verifyRequest(listed, bodies.police, null))).toBe('it is meant for another subgraph');
    // A confirmation without its body hashes, or with them not by name, is refused.
    for (const bhs of [undefined, 'x', ['p'], { health: 'x' }]) {
      const crafted = await new SignJWT({ rid: randomUUID(), anon: true, ...(bhs === undefined ? {} : { bhs }) })
        .setProtectedHeader({ alg: 'ES256', typ: 'cswb-confirmation+jwt' })
        .setIssuer('cswb-gateway')
        .setAudience(['police'])
        .setIssuedAt()
        .setExpirationTime('30s')
        .setJti(randomUUID())
        .sign(key);
      expect(await refusal(verifierOf('police').verifyRequest(crafted, bodies.police, null, 'confirmation'))).toBe(bhs === undefined ? 'claim "bhs" is invalid' : 'it was signed for another request body');
    }
  });
});

describe("a subgraph's verifier of the gateway's assertions", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-verifier-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const body = '{"query":"{ __typename }"}';

  it('refuses every assertion that is not exactly what the gateway signs, with the reason', async () => {
    const certificates = await ensureDeploymentCertificates(dir, [GATEWAY_MEMBER, 'police', 'planning']);
    const gateway = certificates.member(GATEWAY_MEMBER);
    const gatewayKey = createPrivateKey(gateway.keyPem);
    const verifier = createAssertionVerifier({ audience: 'police', gatewayCertificatePem: gateway.certificatePem, caPem: certificates.caPem, ttlSeconds: 30 });
    const now = Math.floor(Date.now() / 1000);
    const claims = () => ({ rid: randomUUID(), anon: false, scope: 'aggregates:read', purpose: 'planning', bh: createHash('sha256').update(body).digest('base64url') });
    const craft = (options: { header?: Record<string, unknown>; iss?: string; aud?: string; iat?: number; exp?: number; nbf?: number; jti?: boolean; key?: KeyLike | Uint8Array } = {}) => {
      let jwt = new SignJWT(claims())
        .setProtectedHeader({ alg: 'ES256', typ: 'cswb-assertion+jwt', ...options.header } as JWTHeaderParameters)
        .setIssuer(options.iss ?? 'cswb-gateway')
        .setAudience(options.aud ?? 'police')
        .setIssuedAt(options.iat ?? now)
        .setExpirationTime(options.exp ?? now + 30);
      if (options.jti !== false) jwt = jwt.setJti(randomUUID());
      if (options.nbf !== undefined) jwt = jwt.setNotBefore(options.nbf);
      return jwt.sign(options.key ?? gatewayKey);
    };
    const refusal = (token: string) => verifier.verifyRequest(token, body, null).then(() => 'accepted', (error: Error) => error.message.replace('Gateway assertion refused: ', ''));
    const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const signRaw = (header: Record<string, unknown>, payload: unknown) => {
      const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
      return `${input}.${sign('sha256', Buffer.from(input), { key: gatewayKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
    };
    const [h, p] = (await craft()).split('.');
    const cases: [string, string][] = [
      [await craft(), 'accepted'],
      [`${Buffer.from('{"alg":"none","typ":"cswb-assertion+jwt"}').toString('base64url')}.${p}.`, 'its algorithm is not allowed'],
      [await craft({ header: { alg: 'HS256' }, key: new TextEncoder().encode('a shared secret of at least 32 bytes!') }), 'its algorithm is not allowed'],
      [await craft({ key: otherKey }), 'its signature does not verify'],
      [await craft({ key: createPrivateKey(certificates.member('planning').keyPem) }), 'its signature does not verify'],
      [await craft({ header: { typ: 'JWT' } }), 'it is not a gateway assertion'],
      [await craft({ jti: false }), 'claim "jti" is invalid'],
      [await craft({ iss: 'someone-else' }), 'it was not issued by the gateway'],
      [await craft({ aud: 'health' }), 'it is meant for another subgraph'],
      [await craft({ iat: now - 60, exp: now - 30 }), 'it has expired'],
      [await craft({ iat: now + 600, exp: now + 620 }), 'it is too old or issued in the future'],
      [await craft({ exp: now + 3600 }), 'it lives longer than allowed'],
      [await craft({ nbf: now + 600 }), 'claim "nbf" is invalid'],
      [signRaw({ alg: 'ES256', typ: 'cswb-assertion+jwt', crit: ['x-cswb'], 'x-cswb': 1 }, JSON.parse(Buffer.from(p, 'base64url').toString())), 'it is malformed'],
      [`${h}.${p}`, 'it is malformed'],
      [`${h}.${p}.not base64!`, 'it is malformed'],
      ['', 'the request carries none'],
      ['a.b.c', 'it is malformed'],
    ];
    for (const [token, expected] of cases) expect({ token: token.slice(0, 40), reason: await refusal(token) }).toEqual({ token: token.slice(0, 40), reason: expected });
    // A payload that is not a JSON object, correctly signed, is refused too.
    expect(await refusal(signRaw({ alg: 'ES256', typ: 'cswb-assertion+jwt' }, [1, 2]))).toBe('it is malformed');
  });
});

describe('a confirmation round\'s signature, checked once per process', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-verified-signatures-'));
  const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-verified-signatures-other-'));
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(otherDir, { recursive: true, force: true });
  });
  const caller = { anonymous: false, subject: 'planner-2', agency: null, sector: null, scopes: ['aggregates:read'], purpose: 'planning' as const };
  const refusal = (verify: Promise<unknown>) => verify.then(() => 'accepted', (error: Error) => error.message.replace('Gateway assertion refused: ', ''));

  it('remembers by exact text a signature that verified: the other subgraphs of the round skip it, every claim still checked by each', async () => {
    const certificates = await ensureDeploymentCertificates(dir, [GATEWAY_MEMBER, 'police', 'health', 'housing']);
    const gateway = certificates.member(GATEWAY_MEMBER);
    const verifierOf = (audience: string) => createAssertionVerifier({ audience, gatewayCertificatePem: gateway.certificatePem, caPem: certificates.caPem, ttlSeconds: 30 });
    const signatures = verifiedSignaturesOf(new X509Certificate(gateway.certificatePem).fingerprint256);
    const bodies = { police: '{"questions":["p"]}', health: '{"questions":["h"]}' };
    const token = createConfirmationSigner(gateway, 30)(bodies, { caller, requestId: 'req-memo' });

    expect(signatures.has(token)).toBe(false);
    await expect(verifierOf('police').verifyRequest(token, bodies.police, null, 'confirmation')).resolves.toMatchObject({ requestId: 'req-memo' });
    expect(signatures.has(token)).toBe(true);
    // The claims are checked anew by each subgraph: its own body, its audience, once only.
    const health = verifierOf('health');
    expect(await refusal(health.verifyRequest(token, bodies.police, null, 'confirmation'))).toBe('it was signed for another request body');
    await expect(health.verifyRequest(token, bodies.health, null, 'confirmation')).resolves.toMatchObject({ requestId: 'req-memo' });
    expect(await refusal(health.verifyRequest(token, bodies.health, null, 'confirmation'))).toBe('it was already used');
    expect(await refusal(verifierOf('housing').verifyRequest(token, bodies.police, null, 'confirmation'))).toBe('it is meant for another subgraph');
    expect(await refusal(verifierOf('health').verifyRequest(token, bodies.health, 'another-certificate', 'confirmation'))).toBe('it was not sent by the certificate it names');
    // A fetch's assertion, for one subgraph only, is not remembered.
    const sizeBefore = signatures.size;
    await verifierOf('police').verifyRequest(await createAssertionSigner(gateway, 30)('police', { caller, requestId: 'req-fetch' }, bodies.police), bodies.police, null);
    expect(signatures.size).toBe(sizeBefore);
  });

  it('verifies anew a token rewritten under a remembered signature, and a remembered one presented where another deployment\'s gateway key applies', async () => {
    const certificates = await ensureDeploymentCertificates(dir, [GATEWAY_MEMBER, 'police', 'health']);
    const gateway = certificates.member(GATEWAY_MEMBER);
    const bodies = { police: '{"questions":["p"]}', health: '{"questions":["h"]}' };
    const token = createConfirmationSigner(gateway, 30)(bodies, { caller, requestId: 'req-memo-2' });
    const police = createAssertionVerifier({ audience: 'police', gatewayCertificatePem: gateway.certificatePem, caPem: certificates.caPem, ttlSeconds: 30 });
    await police.verifyRequest(token, bodies.police, null, 'confirmation');

    // Its claims rewritten (another caller) under the remembered signature: not the text remembered.
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    const rewritten = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'mallory', jti: randomUUID() })).toString('base64url')}.${s}`;
    const health = createAssertionVerifier({ audience: 'health', gatewayCertificatePem: gateway.certificatePem, caPem: certificates.caPem, ttlSeconds: 30 });
    expect(await refusal(health.verifyRequest(rewritten, bodies.health, null, 'confirmation'))).toBe('its signature does not verify');
    // The remembered claims under another signature: not the text remembered either.
    const resigned = `${h}.${p}.${Buffer.from(Buffer.from(s, 'base64url').map((byte, i) => (i === 0 ? byte ^ 1 : byte))).toString('base64url')}`;
    expect(await refusal(health.verifyRequest(resigned, bodies.health, null, 'confirmation'))).toBe('its signature does not verify');
    // The same text, presented to a subgraph of another deployment (another gateway key) in this process.
    const other = await ensureDeploymentCertificates(otherDir, [GATEWAY_MEMBER, 'health']);
    const elsewhere = createAssertionVerifier({ audience: 'health', gatewayCertificatePem: other.member(GATEWAY_MEMBER).certificatePem, caPem: other.caPem, ttlSeconds: 30 });
    expect(await refusal(elsewhere.verifyRequest(token, bodies.health, null, 'confirmation'))).toBe('its signature does not verify');
    // Where it belongs, it still verifies.
    await expect(health.verifyRequest(token, bodies.health, null, 'confirmation')).resolves.toMatchObject({ requestId: 'req-memo-2' });
  });
});

describe('VerifiedSignatures', () => {
  it('holds a token until it expires, and at most maxEntries, the oldest going first', () => {
    const signatures = new VerifiedSignatures(2);
    signatures.add('a', 1_000, 0);
    signatures.add('b', 2_000, 0);
    expect([signatures.has('a', 999), signatures.has('b', 999)]).toEqual([true, true]);
    expect(signatures.has('a', 1_000)).toBe(false);
    expect(signatures.size).toBe(1);
    signatures.add('c', 3_000, 0);
    signatures.add('d', 3_000, 0);
    expect([signatures.has('b', 0), signatures.has('c', 0), signatures.has('d', 0)]).toEqual([false, true, true]);
    signatures.add('e', 500, 600);
    expect(signatures.has('e', 0)).toBe(false);
    const none = new VerifiedSignatures(0);
    none.add('a', 1_000, 0);
    expect(none.has('a', 0)).toBe(false);
  });
});
