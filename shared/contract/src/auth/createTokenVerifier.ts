import { createPublicKey } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, JWTPayload, KeyLike, type RemoteJWKSetOptions } from 'jose';
import { UnauthenticatedError } from '../errors/UnauthenticatedError';
import { allowedAlgorithms, AuthConfig } from './authConfig';
import { ANONYMOUS, Caller, Purpose, PURPOSES } from './Caller';
import { VerifiedTokenCache } from './VerifiedTokenCache';

export type TokenVerifier = (authorization: string | null | undefined) => Promise<Caller>;

function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'token is not yet valid';
    if (error.claim === 'iss') return 'unexpected issuer';
    if (error.claim === 'aud') return 'unexpected audience';
    return `claim "${error.claim}" is invalid`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'signing algorithm not allowed';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key matches the token';
  if (error instanceof errors.JOSEError) return 'malformed token';
  return 'token could not be verified';
}

function stringClaim(payload: JWTPayload, name: string): string | null {
  const value = payload[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
    throw new UnauthenticatedError(`claim "${name}" must be a non-empty string`);
  }
  return value;
}

function scopesOf(payload: JWTPayload): string[] {
  const scope = payload.scope;
  if (scope === undefined) return [];
  if (typeof scope === 'string') return scope.split(' ').filter(Boolean);
  if (Array.isArray(scope) && scope.every((s) => typeof s === 'string')) return scope as string[];
  throw new UnauthenticatedError('claim "scope" must be a space-separated string');
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Why a compact JWS is not in its one canonical form, or null: three base64url parts with no
 * padding, no `+` or `/`, and no stray trailing bits (each part re-encodes to itself). Otherwise
 * one token has many spellings, and a deny list, replay cache or log match sees a new token.
 */
function nonCanonicalReason(token: string): string | null {
  const parts = token.split('.');
  if (parts.length !== 3) return 'token must have three dot-separated parts';
  for (const [index, part] of parts.entries()) {
    const name = ['header', 'payload', 'signature'][index];
    if (!BASE64URL.test(part)) return `token ${name} is not unpadded base64url`;
    if (Buffer.from(part, 'base64url').toString('base64url') !== part) return `token ${name} is not canonical base64url`;
  }
  return null;
}

export interface TokenVerifierOptions {
  /**
   * Tokens that verified, kept by their text until their `exp` so that a caller's next requests
   * skip decoding and the signature check (default 1000; 0: none). Refusals are never kept.
   */
  maxCachedTokens?: number;
  /** How a JWKS key source is fetched and kept (jose's `createRemoteJWKSet` options). */
  remoteKeySet?: RemoteJWKSetOptions;
}

export const DEFAULT_MAX_CACHED_TOKENS = 1000;

/**
 * Verifies `Authorization: Bearer <jwt>` the same way at the gateway and in every subgraph:
 * signature with the configured key and algorithms only (so `alg: none` and algorithm
 * switching fail), issuer, audience, expiry and not-before, `iat` no further in the future than
 * the configured skew, a bounded size and canonical encoding. No header means anonymous; a
 * header that does not verify is refused, never downgraded to anonymous.
 */
export function createTokenVerifier(config: AuthConfig, options: TokenVerifierOptions = {}): TokenVerifier {
  const algorithms = allowedAlgorithms(config.keys);
  let key: KeyLike | Uint8Array | ReturnType<typeof createRemoteJWKSet>;
  let remoteKeys: ReturnType<typeof createRemoteJWKSet> | undefined;
  switch (config.keys.kind) {
    case 'jwks':
      key = remoteKeys = createRemoteJWKSet(new URL(config.keys.url), options.remoteKeySet);
      break;
    case 'public-key':
      key = createPublicKey(config.keys.pem);
      break;
    case 'development-secret':
      key = new TextEncoder().encode(config.keys.secret);
      break;
  }
  const cache = new VerifiedTokenCache(options.maxCachedTokens ?? DEFAULT_MAX_CACHED_TOKENS);
  // The key a JWKS gives a token's header now: after the set is fetched again, a cached token
  // whose key was removed (revoked) or replaced is verified anew (and refused).
  const currentKey = async (header: Record<string, unknown>, token: string): Promise<unknown> => {
    try {
      return await remoteKeys!(header as Parameters<NonNullable<typeof remoteKeys>>[0], { payload: '', signature: '', protected: token.split('.')[0] } as never);
    } catch {
      return undefined;
    }
  };
  return async (authorization) => {
    if (authorization === undefined || authorization === null || authorization.trim() === '') return ANONYMOUS;
    const match = /^Bearer (\S+)$/.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError('expected "Authorization: Bearer <token>"');
    if (Buffer.byteLength(match[1]) > config.maxTokenBytes) throw new UnauthenticatedError(`token is larger than ${config.maxTokenBytes} bytes`);
    const cached = cache.get(match[1]);
    if (cached && (!remoteKeys || (await currentKey(cached.header!, match[1])) === cached.key)) {
      const caller = cache.callerFor(match[1]);
      if (caller) return caller;
    }
    if (cached) cache.delete(match[1]);
    const nonCanonical = nonCanonicalReason(match[1]);
    if (nonCanonical) throw new UnauthenticatedError(nonCanonical);
    let payload: JWTPayload;
    let protectedHeader: Record<string, unknown>;
    let usedKey: unknown;
    try {
      ({ payload, protectedHeader, key: usedKey } = await jwtVerify(match[1], key as Parameters<typeof jwtVerify>[1], {
        issuer: config.issuer,
        audience: config.audience,
        algorithms,
        clockTolerance: config.clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw new UnauthenticatedError(reasonFor(error));
    }
    if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + config.maxFutureIssuedAtSeconds) {
      throw new UnauthenticatedError(`token is issued in the future (iat more than ${config.maxFutureIssuedAtSeconds} s ahead)`);
    }
    const purpose = stringClaim(payload, 'purpose');
    if (purpose !== null && !(PURPOSES as readonly string[]).includes(purpose)) {
      throw new UnauthenticatedError(`unknown purpose "${purpose}"`);
    }
    const caller: Caller = {
      anonymous: false,
      subject: stringClaim(payload, 'sub'),
      agency: stringClaim(payload, 'agency'),
      sector: stringClaim(payload, 'sector'),
      scopes: scopesOf(payload),
      purpose: purpose as Purpose | null,
    };
    cache.set(match[1], { caller, expiresAtMs: (payload.exp as number) * 1000, ...(remoteKeys ? { key: usedKey, header: protectedHeader } : {}) });
    return caller;
  };
}
