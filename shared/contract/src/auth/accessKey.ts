import { createHash } from 'node:crypto';
import type { Caller } from './Caller';

/**
 * Everything an access or disclosure decision reads from a caller, as one string: two callers
 * with the same key are answered alike by the gateway's access rules and by every subgraph. The
 * subject decides nothing (it is only audited), so it is not in the key.
 */
export function accessKeyOf(caller: Caller): string {
  return JSON.stringify([caller.anonymous, caller.agency, caller.sector, [...caller.scopes].sort(), caller.purpose]);
}

/**
 * The key an answer to a question is kept under, by a subgraph's response cache and by the
 * gateway's answer cache alike: the caller's access (never its subject), the operation name, the
 * document (its text, or a digest of it) and the variables.
 */
export function answerKeyOf(caller: Caller, operationName: string | null | undefined, document: string, variables: Record<string, unknown> | null | undefined): string {
  return createHash('sha256')
    .update(accessKeyOf(caller))
    .update('\0')
    .update(operationName ?? '')
    .update('\0')
    .update(document)
    .update('\0')
    .update(JSON.stringify(variables ?? {}))
    .digest('base64url');
}
