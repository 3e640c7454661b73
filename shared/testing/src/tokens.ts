import { SignJWT } from 'jose';

/** The development secret every test stack and test subgraph verifies with. */
export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';
export const TEST_ISSUER = 'cswb-hub-dev';
export const TEST_AUDIENCE = 'cswb-hub';

export interface TestClaims {
  sub?: string;
  scope?: string;
  agency?: string;
  sector?: string;
  purpose?: string;
  iss?: string;
  aud?: string;
  /** Seconds from now. */
  expiresIn?: number;
  notBeforeIn?: number;
}

/** Signs a token the way an identity provider would, independently of the hub's own code. */
export async function signToken(claims: TestClaims = {}, secret = TEST_JWT_SECRET): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const { iss = TEST_ISSUER, aud = TEST_AUDIENCE, expiresIn = 600, notBeforeIn = 0, sub = 'test-user', ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(iss)
    .setAudience(aud)
    .setIssuedAt(now)
    .setNotBefore(now + notBeforeIn)
    .setExpirationTime(now + expiresIn)
    .sign(new TextEncoder().encode(secret));
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Headers of a caller with aggregate access only (a planner, or another `purpose`): what response and answer caches keep answers for. */
export async function aggregateReaderHeaders(sub: string, purpose = 'planning'): Promise<Record<string, string>> {
  return bearer(await signToken({ sub, scope: 'aggregates:read', purpose }));
}
