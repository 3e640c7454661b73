import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@cswb/contract/errors';
import { GraphQLError } from 'graphql';

/** Headers a browser cannot send cross-site without a CORS preflight, which the gateway's CORS policy then answers. */
export const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name', 'graphql-preflight'] as const;

/** The content types an HTML form or a `no-cors` fetch may send without a preflight. */
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * Whether a browser may send this content type cross-site without a preflight: when it is absent or
 * parses to a simple type. One that does not parse as a media type is not CORS-safelisted, so a
 * browser would have asked first (Apollo Server's reading too).
 */
function sendableWithoutPreflight(contentType: string | null): boolean {
  if (contentType === null) return true;
  const essence = contentType.split(';')[0].trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(essence) && SIMPLE_CONTENT_TYPES.has(essence);
}

/**
 * Apollo Server's CSRF prevention: a GraphQL request runs only when a browser must have made a
 * preflight for it, i.e. it has a content type that is not a simple one (`application/json`,
 * `application/graphql-response+json`, …) or a non-empty preflight header. A form, `text/plain`
 * or multipart POST, or a GET without such a header, is refused with 400 CSRF_PREVENTED before
 * its parameters are read, so it never executes. (The runtime's own `csrfPrevention` option is
 * graphql-yoga's plugin: 403 with no error code, and a parameter-less content type counts as
 * preflighted when it merely starts with another word.)
 */
export function useCsrfPrevention(): GatewayPlugin {
  return {
    // After the IDE is served (a browser's GET for HTML), before the request's parameters are parsed.
    onRequestParse({ request }) {
      if (!sendableWithoutPreflight(request.headers.get('content-type'))) return;
      if (PREFLIGHT_HEADERS.some((header) => (request.headers.get(header) ?? '').length > 0)) return;
      throw new GraphQLError(
        `This request has been blocked as a possible cross-site request forgery: send it with "content-type: application/json", or with a non-empty "${PREFLIGHT_HEADERS[0]}" header (a GET must carry one)`,
        { extensions: { code: ErrorCode.CSRF_PREVENTED, http: { status: 400 } } },
      );
    },
  };
}
