import * as fs from 'node:fs';
import { ConfigError } from '../config/ConfigError';
import { Env, readHttpUrl, readNonNegativeInt, readPositiveInt, readString } from '../config/readEnv';

export type TokenKeySource =
  | { kind: 'jwks'; url: string }
  | { kind: 'public-key'; path: string; pem: string }
  | { kind: 'development-secret'; secret: string };

export interface AuthConfig {
  issuer: string;
  audience: string;
  keys: TokenKeySource;
  /** Accepted clock skew for exp/nbf. */
  clockToleranceSeconds: number;
  /** How far in the future a token's `iat` may be (`JWT_MAX_FUTURE_IAT_SECONDS`): a token "issued" later than that is refused. */
  maxFutureIssuedAtSeconds: number;
  /** Longest accepted token, in bytes (`JWT_MAX_BYTES`): larger ones are refused before any decoding. */
  maxTokenBytes: number;
}

/** Production keys sign with RS256 or ES256; the development secret with HS256, and nothing else. */
export function allowedAlgorithms(keys: TokenKeySource): string[] {
  return keys.kind === 'development-secret' ? ['HS256'] : ['RS256', 'ES256'];
}

export const MIN_DEV_SECRET_LENGTH = 32;

/**
 * How tokens are verified, the same for the gateway and every subgraph: `JWT_JWKS_URL` or
 * `JWT_PUBLIC_KEY_FILE` in production, `JWT_DEV_SECRET` (HS256) for development only.
 */
export function readAuthConfig(env: Env): AuthConfig {
  const jwksUrl = readHttpUrl(env, 'JWT_JWKS_URL');
  const keyFile = readString(env, 'JWT_PUBLIC_KEY_FILE');
  const devSecret = readString(env, 'JWT_DEV_SECRET');
  const configured = [jwksUrl && 'JWT_JWKS_URL', keyFile && 'JWT_PUBLIC_KEY_FILE', devSecret && 'JWT_DEV_SECRET'].filter(Boolean);
  if (configured.length > 1) {
    throw new ConfigError(configured.join(' and '), 'set only one way of verifying tokens');
  }
  let keys: TokenKeySource;
  if (jwksUrl) {
    keys = { kind: 'jwks', url: jwksUrl.toString() };
  } else if (keyFile) {
    let pem: string;
    try {
      pem = fs.readFileSync(keyFile, 'utf8');
    } catch (error) {
      throw new ConfigError('JWT_PUBLIC_KEY_FILE', `cannot read ${keyFile}: ${(error as Error).message}`);
    }
    if (!pem.includes('-----BEGIN PUBLIC KEY-----')) {
      throw new ConfigError('JWT_PUBLIC_KEY_FILE', `${keyFile} is not a PEM public key (SPKI)`);
    }
    keys = { kind: 'public-key', path: keyFile, pem };
  } else if (devSecret) {
    if (devSecret.length < MIN_DEV_SECRET_LENGTH) {
      throw new ConfigError('JWT_DEV_SECRET', `must be at least ${MIN_DEV_SECRET_LENGTH} characters`);
    }
    keys = { kind: 'development-secret', secret: devSecret };
  } else {
    throw new ConfigError('JWT_JWKS_URL', 'is not set, nor JWT_PUBLIC_KEY_FILE, nor (development only) JWT_DEV_SECRET: tokens cannot be verified');
  }
  return {
    issuer: readString(env, 'JWT_ISSUER', 'cswb-hub-dev'),
    audience: readString(env, 'JWT_AUDIENCE', 'cswb-hub'),
    keys,
    clockToleranceSeconds: readPositiveInt(env, 'JWT_CLOCK_TOLERANCE_SECONDS', 30),
    maxFutureIssuedAtSeconds: readNonNegativeInt(env, 'JWT_MAX_FUTURE_IAT_SECONDS', 60),
    maxTokenBytes: readPositiveInt(env, 'JWT_MAX_BYTES', 8192),
  };
}
