import type * as http from 'node:http';
import { readBoundedBody, refuseMethod } from '@cswb/contract/http';

/** The largest request body the gateway reads by default, in bytes (`MAX_REQUEST_BODY_BYTES`). */
export const DEFAULT_MAX_REQUEST_BODY_BYTES = 1_000_000;

/**
 * What the gateway checks of a GraphQL request before the runtime sees it, which reads any body
 * in full and decompresses it: GET, POST or OPTIONS only; a POST body uncompressed, at most
 * `maxBodyBytes` and valid UTF-8. The body read is handed to the runtime as `request.body` (the
 * pre-read body whatwg-node's adapter takes, as from Express), so it is not read twice.
 * Throws `HttpRefusal` (405, 413, 415, 400).
 */
export async function readGraphQLRequestBody(request: http.IncomingMessage, maxBodyBytes: number): Promise<void> {
  refuseMethod(request, ['GET', 'POST', 'OPTIONS']);
  if (request.method !== 'POST') return;
  (request as http.IncomingMessage & { body?: Buffer }).body = await readBoundedBody(request, maxBodyBytes);
}
