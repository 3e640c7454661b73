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
 * A question without who asks it: the operation name, the document (its text, or a digest of it)
 * and the variables, as one digest. A subgraph names a kept answer to the gateway by it
 * (`cswb-answer-kept`): it says nothing of the caller.
 */
export function questionDigestOf(operationName: string | null | undefined, document: string, variables: Record<string, unknown> | null | undefined): string {
  return createHash('sha256')
    .update(operationName ?? '')
    .update('\0')
    .update(document)
    .update('\0')
    .update(JSON.stringify(variables ?? {}))
    .digest('base64url');
}

/**
 * The key an answer is kept under, by a subgraph's response cache and by the gateway's answer
 * cache alike: the caller's access (never its subject) and the question (`questionDigestOf`).
 */
export function answerKeyOf(caller: Caller, question: string): string {
  return createHash('sha256').update(accessKeyOf(caller)).update('\0').update(question).digest('base64url');
}
