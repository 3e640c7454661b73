import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

/** The Node request as the server adapter hands it to the runtime, with the body `readGraphQLRequestBody` read. */
interface ServerContextWithNodeRequest {
  req?: { body?: unknown };
}

/**
 * The gateway reads every POST body itself before the runtime sees it (`readGraphQLRequestBody`:
 * at most MAX_REQUEST_BODY_BYTES, UTF-8, uncompressed) and hands it over as a Buffer. graphql-yoga
 * then limits the body's size once more (25 MB; the Hive runtime does not pass its setting on) by
 * piping that Buffer through a TransformStream before parsing it, on every request: about a tenth
 * of the gateway's CPU on a small answer served from its answer cache (docs/benchmarks.md). For a
 * body read already, the request the runtime parses shows no body stream to that limit, which
 * then lets it by; `json()` and `text()` read the Buffer as before. A body the gateway did not
 * read itself keeps the runtime's limit.
 */
export function useBodyReadOnce(): GatewayPlugin {
  return {
    onRequestParse({ request, serverContext }) {
      if (!Buffer.isBuffer((serverContext as ServerContextWithNodeRequest).req?.body)) return;
      Object.defineProperty(request, 'body', { value: null, configurable: true });
    },
  };
}
