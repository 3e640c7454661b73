import { createPrivateKey, randomUUID, sign, X509Certificate } from 'node:crypto';
import type { Caller } from '../auth/Caller';
import { bodyHash, callerClaims, certificateThumbprint, GATEWAY_ISSUER } from './SubgraphAssertion';
import type { MemberCredentials } from './deploymentCertificates';

export interface AssertionSubject {
  caller: Caller;
  requestId: string;
  operationName?: string | null;
  actor?: string | null;
}

export type AssertionSigner = (audience: string, subject: AssertionSubject, body: string | Uint8Array) => Promise<string>;

/**
 * The gateway's signer: a short-lived ES256 assertion per subgraph fetch, for that subgraph
 * only (`aud`), bound to the request body (`bh`), to the gateway's TLS certificate (`cnf`), and
 * used once (`jti`).
 */
export function createAssertionSigner(gateway: MemberCredentials, ttlSeconds: number): AssertionSigner {
  const key = createPrivateKey(gateway.keyPem);
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new Error('the gateway key is not a P-256 key (ES256)');
  const thumbprint = certificateThumbprint(new X509Certificate(gateway.certificatePem));
  const header = Buffer.from(JSON.stringify({ alg: 'ES256', typ: 'cswb-assertion+jwt' })).toString('base64url');
  // The compact JWS jose's SignJWT makes (same header, claims in the same order), signed with
  // node:crypto's synchronous one-shot sign: jose signs on the libuv thread pool, which costs
  // about twice the CPU of the signature itself, once per subgraph fetch.
  return async (audience, subject, body) => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      rid: subject.requestId,
      ...(subject.operationName ? { op: subject.operationName } : {}),
      ...callerClaims(subject.caller),
      ...(subject.actor ? { act: subject.actor } : {}),
      bh: bodyHash(body),
      cnf: { 'x5t#S256': thumbprint },
      iss: GATEWAY_ISSUER,
      aud: audience,
      iat: now,
      exp: now + ttlSeconds,
      jti: randomUUID(),
    };
    const signingInput = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    const signature = sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' });
    return `${signingInput}.${signature.toString('base64url')}`;
  };
}
