import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@cswb/contract/errors';
import { GraphQLError } from 'graphql';

const GRAPHQL_PARAMETERS = new Set(['query', 'variables', 'extensions', 'operationName', 'documentId']);
/** Parameters the runtime parses as JSON, which must be objects. */
const JSON_OBJECT_PARAMETERS = new Set(['variables', 'extensions']);

function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } } });
}

/**
 * The GraphQL parameters of a GET, checked before the runtime reads them (it answers 500 for
 * some it cannot parse): each at most once, valid percent-encoded UTF-8, and `variables` and
 * `extensions` JSON objects. Anything wrong is 400 BAD_REQUEST naming the parameter.
 */
export function useGetParameterChecks(): GatewayPlugin {
  return {
    onRequestParse({ request }) {
      if (request.method !== 'GET') return;
      const search = new URL(request.url).search.slice(1);
      if (search === '') return;
      const seen = new Set<string>();
      for (const pair of search.split('&')) {
        const separator = pair.indexOf('=');
        let name: string;
        let value: string;
        try {
          name = decodeURIComponent((separator < 0 ? pair : pair.slice(0, separator)).replace(/\+/g, ' '));
          value = decodeURIComponent((separator < 0 ? '' : pair.slice(separator + 1)).replace(/\+/g, ' '));
        } catch {
          throw badRequest('the query string is not valid percent-encoded UTF-8');
        }
        if (!GRAPHQL_PARAMETERS.has(name)) continue;
        if (seen.has(name)) throw badRequest(`the parameter "${name}" is given more than once`);
        seen.add(name);
        if (!JSON_OBJECT_PARAMETERS.has(name) || value === '') continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(value);
        } catch {
          throw badRequest(`the parameter "${name}" is not valid JSON`);
        }
        if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) throw badRequest(`the parameter "${name}" must be a JSON object`);
      }
    },
  };
}
