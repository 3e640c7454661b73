import { createPrivateKey, randomUUID, X509Certificate } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { InvalidAssertionError } from '../errors/InvalidAssertionError';
import { GATEWAY_MEMBER, type MemberCredentials } from './deploymentCertificates';
import { issuedByDeployment, memberNameOf } from './memberCertificate';
import { ReplayCache } from './ReplayCache';
import { bodyHash } from './SubgraphAssertion';

const SERVICE_TTL_SECONDS = 30;

/**
 * A member's own signature on a request it sends the gateway (e.g. planning's risk analysis):
 * ES256 with the key of its deployment certificate, the certificate in `x5c`, for the gateway
 * only, bound to the body, used once.
 */
export function createServiceAssertionSigner(member: MemberCredentials): (body: string) => Promise<string> {
  const key = createPrivateKey(member.keyPem);
  const der = new X509Certificate(member.certificatePem).raw.toString('base64');
  return async (body) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ bh: bodyHash(body) })
      .setProtectedHeader({ alg: 'ES256', typ: 'cswb-service+jwt', x5c: [der] })
      .setIssuer(member.name)
      .setAudience(GATEWAY_MEMBER)
      .setIssuedAt(now)
      .setExpirationTime(now + SERVICE_TTL_SECONDS)
      .setJti(randomUUID())
      .sign(key);
  };
}

/** The gateway's check of a member's signature: returns the member's name. */
export function createServiceAssertionVerifier(caPem: string): (token: string, body: string) => Promise<string> {
  const ca = new X509Certificate(caPem);
  const replays = new ReplayCache();
  return async (token, body) => {
    if (token.length > 16_384) throw new InvalidAssertionError('the service assertion is too large');
    let certificate: X509Certificate;
    try {
      const header = decodeProtectedHeader(token);
      if (header.typ !== 'cswb-service+jwt' || !Array.isArray(header.x5c) || header.x5c.length !== 1) throw new Error();
      certificate = new X509Certificate(Buffer.from(header.x5c[0], 'base64'));
    } catch {
      throw new InvalidAssertionError('the service assertion is malformed');
    }
    const member = memberNameOf(certificate);
    if (!issuedByDeployment(certificate, ca) || !member || member === GATEWAY_MEMBER) {
      throw new InvalidAssertionError("the service assertion's certificate is not a member's of this deployment");
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(token, certificate.publicKey, {
        issuer: member,
        audience: GATEWAY_MEMBER,
        algorithms: ['ES256'],
        maxTokenAge: SERVICE_TTL_SECONDS,
        clockTolerance: 5,
        requiredClaims: ['iat', 'exp', 'jti', 'bh'],
      }));
    } catch {
      throw new InvalidAssertionError('the service assertion does not verify');
    }
    if (payload.bh !== bodyHash(body)) throw new InvalidAssertionError('the service assertion was signed for another request body');
    if (!replays.admit(payload.jti as string, (payload.exp as number) * 1000)) throw new InvalidAssertionError('the service assertion was already used');
    return member;
  };
}
