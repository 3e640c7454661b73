import type * as http from 'node:http';
import { type AuthConfig, issueDevelopmentToken, type Role, ROLES } from '@cswb/contract/auth';
import { ErrorCode } from '@cswb/contract/errors';
import { HttpRefusal, readBoundedBody, sendRefusal } from '@cswb/contract/http';

/** Sectors a sector-analyst or data-steward token can be for: the hub's subgraphs except planning. */
export interface DevelopmentTokenOptions {
  sectors: readonly string[];
}

const TOKEN_TTL_SECONDS = 8 * 3600;

export const DEVELOPMENT_ROLES_PATH = '/dev/roles';
export const DEVELOPMENT_TOKEN_PATH = '/dev/token';

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/**
 * The web app's role picker in development: `GET /dev/roles` lists the roles, `POST /dev/token`
 * with `{"role": "planner"}` (and `"sector"` for sector roles) answers `{"token": …}` signed with
 * the development secret. Only when the gateway verifies tokens with that secret (`npm start`);
 * with a real identity provider these paths do not exist (404).
 */
export function developmentTokens(auth: AuthConfig, options: DevelopmentTokenOptions) {
  const enabled = auth.keys.kind === 'development-secret';
  return async (request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> => {
    const pathname = (request.url ?? '/').split('?')[0];
    if (pathname !== DEVELOPMENT_ROLES_PATH && pathname !== DEVELOPMENT_TOKEN_PATH) return false;
    try {
      if (!enabled) throw new HttpRefusal(404, ErrorCode.NOT_FOUND, 'development tokens are not issued by this hub: sign in with a token from your identity provider');
      if (pathname === DEVELOPMENT_ROLES_PATH) {
        if (request.method !== 'GET') throw new HttpRefusal(405, ErrorCode.METHOD_NOT_ALLOWED, `${DEVELOPMENT_ROLES_PATH} is read with GET`, { allow: 'GET' });
        sendJson(response, 200, {
          roles: ROLES.map((role) => ({ role, needsSector: role === 'sector-analyst' || role === 'data-steward' })),
          sectors: options.sectors,
        });
        return true;
      }
      if (request.method !== 'POST') throw new HttpRefusal(405, ErrorCode.METHOD_NOT_ALLOWED, `${DEVELOPMENT_TOKEN_PATH} is asked with POST`, { allow: 'POST' });
      let body: unknown;
      try {
        body = JSON.parse((await readBoundedBody(request, 1024)).toString('utf8'));
      } catch (error) {
        if (error instanceof HttpRefusal) throw error;
        throw new HttpRefusal(400, ErrorCode.BAD_REQUEST, 'the body must be JSON like {"role": "planner"}');
      }
      const { role, sector } = (body ?? {}) as { role?: unknown; sector?: unknown };
      if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
        throw new HttpRefusal(400, ErrorCode.BAD_REQUEST, `role must be one of ${ROLES.join(', ')}`);
      }
      const needsSector = role === 'sector-analyst' || role === 'data-steward';
      if (needsSector ? typeof sector !== 'string' || !options.sectors.includes(sector) : sector !== undefined) {
        throw new HttpRefusal(400, ErrorCode.BAD_REQUEST, needsSector ? `role ${role} needs sector, one of ${options.sectors.join(', ')}` : `role ${role} takes no sector`);
      }
      const token = await issueDevelopmentToken(auth, { role: role as Role, sector: needsSector ? (sector as string) : undefined, ttlSeconds: TOKEN_TTL_SECONDS });
      sendJson(response, 200, { token, expiresIn: TOKEN_TTL_SECONDS });
    } catch (error) {
      sendRefusal(request, response, error instanceof HttpRefusal ? error : new HttpRefusal(400, ErrorCode.BAD_REQUEST, 'the token could not be issued'));
    }
    return true;
  };
}
