import { verify, type KeyObject } from 'node:crypto';
import { InvalidAssertionError } from '../errors/InvalidAssertionError';
import type { VerifiedSignatures } from './VerifiedSignatures';

export interface AssertionChecks {
  issuer: string;
  audience: string;
  /** Whether `aud` may be a list naming `audience` among others; else it must be `audience` alone. */
  audienceList?: boolean;
  /** The header's `typ`. */
  type: string;
  /** Seconds an assertion may live and be used after `iat`. */
  maxAgeSeconds: number;
  clockToleranceSeconds: number;
  /** Claims that must be present. */
  required: readonly string[];
  /** Seconds since the epoch; default now. */
  now?: number;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function decodeJson(part: string): Record<string, unknown> {
  if (!BASE64URL.test(part)) throw new InvalidAssertionError('it is malformed');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidAssertionError('it is malformed');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidAssertionError('it is malformed');
  return value as Record<string, unknown>;
}

/**
 * Verifies a compact JWS signed ES256 (raw r‖s signature) with `key` and checks its claims, with
 * node:crypto's synchronous one-shot verify: the refusals and their reasons of `jose`'s
 * `jwtVerify` for the options the subgraphs use, at half its CPU (it verifies on the libuv thread
 * pool, once per subgraph fetch). Throws InvalidAssertionError with the reason. With
 * `signatures` (the ones verified with `key` before), a token whose signature verified already is
 * not verified again, and one that passes every check is remembered there.
 */
export function verifyCompactEs256(token: string, key: KeyObject, checks: AssertionChecks, signatures?: VerifiedSignatures): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidAssertionError('it is malformed');
  const [encodedHeader, encodedPayload, encodedSignature] = parts;
  const header = decodeJson(encodedHeader);
  if (header.alg !== 'ES256') throw new InvalidAssertionError('its algorithm is not allowed');
  // No extension is understood: a header that asks for one (`crit`, unencoded payloads) is refused.
  if ('crit' in header || 'b64' in header) throw new InvalidAssertionError('it is malformed');
  if (!BASE64URL.test(encodedSignature)) throw new InvalidAssertionError('it is malformed');
  const signature = Buffer.from(encodedSignature, 'base64url');
  const verified = signatures?.has(token) || (signature.length === 64 && verify('sha256', Buffer.from(`${encodedHeader}.${encodedPayload}`), { key, dsaEncoding: 'ieee-p1363' }, signature));
  if (!verified) {
    throw new InvalidAssertionError('its signature does not verify');
  }
  const payload = decodeJson(encodedPayload);
  if (header.typ !== checks.type) throw new InvalidAssertionError('it is not a gateway assertion');
  for (const claim of checks.required) if (!(claim in payload)) throw new InvalidAssertionError(`claim "${claim}" is invalid`);
  if (payload.iss !== checks.issuer) throw new InvalidAssertionError('it was not issued by the gateway');
  const audienced = Array.isArray(payload.aud) ? checks.audienceList === true && payload.aud.includes(checks.audience) : payload.aud === checks.audience;
  if (!audienced) throw new InvalidAssertionError('it is meant for another subgraph');
  const now = checks.now ?? Math.floor(Date.now() / 1000);
  const tolerance = checks.clockToleranceSeconds;
  const { iat, exp, nbf } = payload;
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw new InvalidAssertionError('claim "iat" is invalid');
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new InvalidAssertionError('claim "exp" is invalid');
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now + tolerance)) throw new InvalidAssertionError('claim "nbf" is invalid');
  if (iat > now + tolerance) throw new InvalidAssertionError('it is too old or issued in the future');
  if (exp <= now - tolerance || now - iat - tolerance > checks.maxAgeSeconds) throw new InvalidAssertionError('it has expired');
  signatures?.add(token, (exp + tolerance) * 1000);
  return payload;
}
