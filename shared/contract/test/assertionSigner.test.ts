import { createHash, createPublicKey } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { createAssertionSigner, createAssertionVerifier, ensureDeploymentCertificates, GATEWAY_MEMBER } from '@cswb/contract/trust';

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
