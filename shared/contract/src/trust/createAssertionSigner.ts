import { createPrivateKey, randomUUID, sign, X509Certificate } from 'node:crypto';
import type { Caller } from '../auth/Caller';
import { ASSERTION_TYPES, bodyHash, callerClaims, certificateThumbprint, GATEWAY_ISSUER, type AssertionKind } from './SubgraphAssertion';
import type { MemberCredentials } from './deploymentCertificates';

export interface AssertionSubject {
  caller: Caller;
  requestId: string;
  operationName?: string | null;
  actor?: string | null;
}

export type AssertionSigner = (audience: string, subject: AssertionSubject, body: string | Uint8Array) => Promise<string>;

/**
 * Signs one assertion for a round of answer confirmations: for every subgraph named in `bodies`
 * (`aud`), each bound to the body it alone is sent (`bhs`).
 */
export type ConfirmationSigner = (bodies: Readonly<Record<string, string>>, subject: AssertionSubject) => string;

function subjectClaims(subject: AssertionSubject) {
  return {
    rid: subject.requestId,
    ...(subject.operationName ? { op: subject.operationName } : {}),
    ...callerClaims(subject.caller),
    ...(subject.actor ? { act: subject.actor } : {}),
  };
}

/**
 * A compact JWS as jose's SignJWT makes it (same header, claims in the same order), signed with
 * node:crypto's synchronous one-shot sign: jose signs on the libuv thread pool, which costs about
 * twice the CPU of the signature itself, once per subgraph fetch.
 */
function gatewayJws(gateway: MemberCredentials, ttlSeconds: number, kind: AssertionKind) {
  const key = createPrivateKey(gateway.keyPem);
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new Error('the gateway key is not a P-256 key (ES256)');
  const confirmation = { 'x5t#S256': certificateThumbprint(new X509Certificate(gateway.certificatePem)) };
  const header = Buffer.from(JSON.stringify({ alg: 'ES256', typ: ASSERTION_TYPES[kind] })).toString('base64url');
  return (claims: Record<string, unknown>, audience: string | string[]): string => {
    const now = Math.floor(Date.now() / 1000);
    const payload = { ...claims, cnf: confirmation, iss: GATEWAY_ISSUER, aud: audience, iat: now, exp: now + ttlSeconds, jti: randomUUID() };
    const signingInput = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    const signature = sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' });
    return `${signingInput}.${signature.toString('base64url')}`;
  };
}

/**
 * The gateway's signer: a short-lived ES256 assertion per subgraph fetch, for that subgraph
 * only (`aud`), bound to the request body (`bh`), to the gateway's TLS certificate (`cnf`), and
 * used once (`jti`).
 */
export function createAssertionSigner(gateway: MemberCredentials, ttlSeconds: number): AssertionSigner {
  const signed = gatewayJws(gateway, ttlSeconds, 'fetch');
  return async (audience, subject, body) => signed({ ...subjectClaims(subject), bh: bodyHash(body) }, audience);
}

/**
 * The gateway's signer of answer confirmations: one ES256 assertion for every subgraph of a kept
 * answer rather than one each (a signature costs as much as the rest of a confirmation), each
 * subgraph's body hash in it by name, so that each is sent only its own body.
 */
export function createConfirmationSigner(gateway: MemberCredentials, ttlSeconds: number): ConfirmationSigner {
  const signed = gatewayJws(gateway, ttlSeconds, 'confirmation');
  return (bodies, subject) => {
    const hashes: Record<string, string> = {};
    for (const [subgraph, body] of Object.entries(bodies)) hashes[subgraph] = bodyHash(body);
    return signed({ ...subjectClaims(subject), bhs: hashes }, Object.keys(bodies));
  };
}
