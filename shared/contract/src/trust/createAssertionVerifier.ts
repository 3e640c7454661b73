import { X509Certificate } from 'node:crypto';
import { Caller, Purpose, PURPOSES } from '../auth/Caller';
import { InvalidAssertionError } from '../errors/InvalidAssertionError';
import { GATEWAY_MEMBER } from './deploymentCertificates';
import { issuedByDeployment, memberNameOf } from './memberCertificate';
import { ReplayCache } from './ReplayCache';
import { AssertedRequest, ASSERTION_TYPES, bodyHash, GATEWAY_ISSUER, type AssertionKind } from './SubgraphAssertion';
import { verifyCompactEs256 } from './verifyCompactEs256';
import { verifiedSignaturesOf } from './VerifiedSignatures';

type JWTPayload = Record<string, unknown>;

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;
const REQUEST_ID = /^[A-Za-z0-9-]{1,64}$/;

export interface AssertionVerifierOptions {
  /** The member that verifies: only assertions addressed to it (`aud`) are accepted. */
  audience: string;
  gatewayCertificatePem: string;
  caPem: string;
  ttlSeconds: number;
  clockToleranceSeconds?: number;
}

export interface AssertionVerifier {
  /**
   * Verifies the assertion of one request before anything of it is parsed: signature by the
   * gateway, audience, age, body hash, once only, and — when the request came over mutual
   * TLS — that it was sent by the certificate it names. `kind`: a GraphQL request's (`fetch`,
   * the default) or an answer confirmation's; the one is never accepted for the other.
   */
  verifyRequest(token: string | undefined, body: string | Uint8Array, peerThumbprint: string | null, kind?: AssertionKind): Promise<AssertedRequest>;
  /**
   * The gateway's check of an assertion it signed for member `audience`, which that member now
   * presents to act for the caller (no body or once-only check: one assertion may serve a few
   * nested calls within its short life).
   */
  verifyDelegated(token: string, audience: string): Promise<AssertedRequest>;
}

function optionalString(payload: JWTPayload, name: string, max = 200): string | undefined {
  const value = payload[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > max) throw new InvalidAssertionError(`claim "${name}" is invalid`);
  return value;
}

/** The request a verified assertion describes. */
export function assertedRequestOf(payload: JWTPayload, token: string): AssertedRequest {
  const requestId = optionalString(payload, 'rid', 64);
  if (!requestId || !REQUEST_ID.test(requestId)) throw new InvalidAssertionError('claim "rid" is invalid');
  const op = optionalString(payload, 'op', 128);
  const purpose = optionalString(payload, 'purpose');
  if (purpose !== undefined && !(PURPOSES as readonly string[]).includes(purpose)) throw new InvalidAssertionError('claim "purpose" is invalid');
  const scope = optionalString(payload, 'scope', 4000);
  let caller: Caller;
  if (payload.anon === true) {
    caller = { anonymous: true, subject: null, agency: null, sector: null, scopes: [], purpose: null };
  } else if (payload.anon === false) {
    caller = {
      anonymous: false,
      subject: optionalString(payload, 'sub') ?? null,
      agency: optionalString(payload, 'agency') ?? null,
      sector: optionalString(payload, 'sector') ?? null,
      scopes: scope ? scope.split(' ').filter(Boolean) : [],
      purpose: (purpose as Purpose | undefined) ?? null,
    };
  } else {
    throw new InvalidAssertionError('claim "anon" is invalid');
  }
  return {
    caller,
    requestId,
    operationName: op && GRAPHQL_NAME.test(op) ? op : null,
    actor: optionalString(payload, 'act', 63) ?? null,
    assertion: token,
  };
}

/** A subgraph's verifier of the gateway's assertions (one per process: it holds the replay cache). */
export function createAssertionVerifier(options: AssertionVerifierOptions): AssertionVerifier {
  const ca = new X509Certificate(options.caPem);
  const gateway = new X509Certificate(options.gatewayCertificatePem);
  if (!issuedByDeployment(gateway, ca) || memberNameOf(gateway) !== GATEWAY_MEMBER) {
    throw new Error('the gateway certificate is not the deployment CA\'s certificate for "gateway"');
  }
  const key = gateway.publicKey;
  const replays = new ReplayCache();
  // A confirmation round's one assertion reaches every subgraph of the round; a fetch's, one only.
  const confirmationSignatures = verifiedSignaturesOf(gateway.fingerprint256);
  const verify = async (token: string, audience = options.audience, kind: AssertionKind = 'fetch') => {
    const payload = verifyCompactEs256(token, key, {
      issuer: GATEWAY_ISSUER,
      audience,
      // A fetch's assertion is for one subgraph only; a confirmation's lists the subgraphs of its round.
      audienceList: kind === 'confirmation',
      type: ASSERTION_TYPES[kind],
      maxAgeSeconds: options.ttlSeconds,
      clockToleranceSeconds: options.clockToleranceSeconds ?? 5,
      required: ['iat', 'exp', 'jti', 'rid', kind === 'fetch' ? 'bh' : 'bhs', 'anon'],
    }, kind === 'confirmation' ? confirmationSignatures : undefined);
    if ((payload.exp as number) - (payload.iat as number) > options.ttlSeconds) throw new InvalidAssertionError('it lives longer than allowed');
    return payload;
  };
  /** The hash of the body the assertion was signed for, sent to `audience`. */
  const signedBodyHash = (payload: JWTPayload, kind: AssertionKind): unknown => {
    if (kind === 'fetch') return payload.bh;
    const hashes = payload.bhs;
    return typeof hashes === 'object' && hashes !== null && Object.hasOwn(hashes, options.audience) ? (hashes as Record<string, unknown>)[options.audience] : undefined;
  };
  return {
    async verifyRequest(token, body, peerThumbprint, kind = 'fetch') {
      if (!token) throw new InvalidAssertionError('the request carries none');
      if (token.length > 16_384) throw new InvalidAssertionError('it is too large');
      const payload = await verify(token, options.audience, kind);
      if (signedBodyHash(payload, kind) !== bodyHash(body)) throw new InvalidAssertionError('it was signed for another request body');
      const bound = (payload.cnf as Record<string, unknown> | undefined)?.['x5t#S256'];
      if (peerThumbprint !== null && bound !== peerThumbprint) throw new InvalidAssertionError('it was not sent by the certificate it names');
      if (!replays.admit(payload.jti as string, (payload.exp as number) * 1000)) throw new InvalidAssertionError('it was already used');
      return assertedRequestOf(payload, token);
    },
    async verifyDelegated(token, audience) {
      if (token.length > 16_384) throw new InvalidAssertionError('it is too large');
      return assertedRequestOf(await verify(token, audience), token);
    },
  };
}
