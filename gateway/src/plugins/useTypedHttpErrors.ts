import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@cswb/contract/errors';
import { refusalBody } from '@cswb/contract/http';

/** The code and message for a refusal the runtime answers with a status and no body. */
const BARE_REFUSALS: Record<number, [ErrorCode, string]> = {
  400: [ErrorCode.BAD_REQUEST, 'malformed GraphQL request'],
  405: [ErrorCode.METHOD_NOT_ALLOWED, 'GraphQL is asked with GET (queries only) or POST'],
  406: [ErrorCode.BAD_REQUEST, 'the Accept header names no type the gateway answers in: accept application/json or application/graphql-response+json'],
  413: [ErrorCode.PAYLOAD_TOO_LARGE, 'request body is too large'],
  415: [ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'unsupported content type: send "content-type: application/json"'],
};

/**
 * Gives the runtime's bare refusals (415 for an unknown content type, 406 for an unacceptable
 * Accept, …: a status and an empty body) a JSON error with a registry code, like every other
 * refusal of the hub.
 */
export function useTypedHttpErrors(): GatewayPlugin {
  return {
    onResponse({ request, response, setResponse, fetchAPI }) {
      const bare = BARE_REFUSALS[response.status];
      if (!bare || (response.headers.get('content-type') ?? '').includes('json') || !new URL(request.url).pathname.endsWith('/graphql')) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-type', 'application/json');
      headers.delete('content-length');
      setResponse(new fetchAPI.Response(refusalBody(bare[0], bare[1]), { status: response.status, headers }));
    },
  };
}
