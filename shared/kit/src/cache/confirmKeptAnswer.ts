import { HttpRefusal } from '@cswb/contract/http';
import { ErrorCode } from '@cswb/contract/errors';
import type { ResponseCache } from './ResponseCache';
import { answerKeyOf } from '@cswb/contract/auth';
import { auditKeptAnswer, readDataVersion, type AuditedRequest } from './responseCachePlugin';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A confirmation of an answer the gateway already gave (`CONFIRM_PATH`, docs/operations.md,
 * "Response cache"): true only when `cache` still keeps the answer to `body` (the GraphQL
 * request's body) for this caller's access at the current data version, and, when it read
 * protected fields, this request's audit entry is written as for a cache hit, in the statement
 * that checks the version. Nothing of the answer leaves; any failure is false (fail closed).
 */
export async function confirmKeptAnswer(cache: ResponseCache, context: AuditedRequest, body: unknown): Promise<boolean> {
  const refuse = (message: string) => new HttpRefusal(400, ErrorCode.BAD_REQUEST, message);
  if (!isObject(body)) throw refuse('the body must be a JSON object');
  const { query, variables, operationName } = body;
  if (typeof query !== 'string') throw refuse('query must be a string');
  if (variables !== undefined && variables !== null && !isObject(variables)) throw refuse('variables must be an object or null');
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') throw refuse('operationName must be a string or null');
  const kept = cache.peek(answerKeyOf(context.caller, operationName, query, variables));
  if (!kept) return false;
  if (kept.reads.length > 0) return auditKeptAnswer(context, kept);
  return (await readDataVersion(context)) === kept.dataVersion;
}
