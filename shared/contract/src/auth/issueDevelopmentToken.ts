import { SignJWT } from 'jose';
import type { AuthConfig } from './authConfig';
import type { Purpose } from './Caller';
import { grantFor, type Role } from './roles';

export interface DevelopmentTokenRequest {
  role: Role;
  /** The agency's sector, for sector-analyst and data-steward. */
  sector?: string;
  agency?: string;
  purpose?: Purpose;
  subject?: string;
  ttlSeconds: number;
}

/**
 * A token signed with the development secret `npm start` uses (`cswb token`, and the web app's
 * role picker in development). Refuses any other key configuration: in production tokens come
 * from the agencies' identity provider, never from the hub.
 */
export async function issueDevelopmentToken(config: AuthConfig, request: DevelopmentTokenRequest): Promise<string> {
  if (config.keys.kind !== 'development-secret') {
    throw new Error('tokens are only issued here in development; in production they come from your identity provider');
  }
  const grant = grantFor(request.role, request.sector);
  const agency = request.agency ?? (request.sector ? `lakeshore-${request.sector}` : request.role === 'public' ? undefined : 'lakeshore-municipality');
  return new SignJWT({
    scope: grant.scopes.join(' '),
    ...(agency ? { agency } : {}),
    ...(request.sector ? { sector: request.sector } : {}),
    purpose: request.purpose ?? grant.purpose ?? undefined,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject ?? `dev-${request.role}`)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime(`${request.ttlSeconds}s`)
    .sign(new TextEncoder().encode(config.keys.secret));
}
