import { randomUUID } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

/** The header the hub's request id is answered in; a client's own value is kept apart. */
export const REQUEST_ID_HEADER = 'x-request-id';
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

export interface RequestIds {
  plugin: GatewayPlugin;
  /** The hub's id of a request (made by the gateway, never taken from the client). */
  requestIdOf(request: Request): string;
  /** The id the client sent in `x-request-id`, when it is a plain token; only ever logged, labelled as the client's. */
  clientRequestIdOf(request: Request): string | null;
}

/**
 * The gateway makes every request's id itself: a client that sent `x-request-id` cannot choose
 * (or collide with) the id the subgraphs' audit logs record; its own id is kept as
 * `clientRequestId` in the request log. The response carries the hub's id.
 */
export function createRequestIds(): RequestIds {
  const ids = new WeakMap<Request, string>();
  const requestIdOf = (request: Request) => {
    let id = ids.get(request);
    if (!id) ids.set(request, (id = randomUUID()));
    return id;
  };
  return {
    requestIdOf,
    clientRequestIdOf(request) {
      const sent = request.headers.get(REQUEST_ID_HEADER);
      return sent && CLIENT_REQUEST_ID.test(sent) ? sent : null;
    },
    plugin: {
      onRequest({ request }) {
        requestIdOf(request);
      },
      onResponse({ request, response }) {
        const id = ids.get(request);
        if (id) response.headers.set(REQUEST_ID_HEADER, id);
      },
    },
  };
}
