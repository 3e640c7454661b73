import { createPrivateKey, randomUUID, X509Certificate } from 'node:crypto';
import { SignJWT } from 'jose';
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
  const thumbprint = certificateThumbprint(new X509Certificate(gateway.certificatePem));
  return async (audience, subject, body) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      rid: subject.requestId,
      ...(subject.operationName ? { op: subject.operationName } : {}),
      ...callerClaims(subject.caller),
      ...(subject.actor ? { act: subject.actor } : {}),
      bh: bodyHash(body),
      cnf: { 'x5t#S256': thumbprint },
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'cswb-assertion+jwt' })
      .setIssuer(GATEWAY_ISSUER)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .setJti(randomUUID())
      .sign(key);
  };
}
