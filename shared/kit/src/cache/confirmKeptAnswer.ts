import { HttpRefusal } from '@cswb/contract/http';
import { ErrorCode } from '@cswb/contract/errors';
import { answerKeyOf } from '@cswb/contract/auth';
import { MAX_CONFIRMED_QUESTIONS, QUESTION_DIGEST } from '@cswb/contract/trust';
import type { ResponseCache } from './ResponseCache';
import { auditKeptAnswer, readDataVersion, type AuditedRequest } from './responseCachePlugin';

function questionsOf(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpRefusal(400, ErrorCode.BAD_REQUEST, 'the body must be a JSON object');
  const { questions } = body as { questions?: unknown };
  if (!Array.isArray(questions) || questions.length === 0 || questions.length > MAX_CONFIRMED_QUESTIONS || !questions.every((q) => typeof q === 'string' && QUESTION_DIGEST.test(q))) {
    throw new HttpRefusal(400, ErrorCode.BAD_REQUEST, `questions must be a list of 1 to ${MAX_CONFIRMED_QUESTIONS} question digests`);
  }
  return questions as string[];
}

/**
 * A confirmation of answers the gateway already gave (`CONFIRM_PATH`, docs/operations.md,
 * "Response cache"): true only when `cache` still keeps the answer to every question named (as
 * this subgraph named them, `cswb-answer-kept`) for this caller's access at the current data
 * version, and, for each that read protected fields, this request's audit entry is written as
 * for a cache hit, in the statement that checks the version. Nothing of the answers leaves; any
 * failure is false (fail closed).
 */
export async function confirmKeptAnswer(cache: ResponseCache, context: AuditedRequest, body: unknown): Promise<boolean> {
  // The key holds the caller's access: another access's answer to the same question is not found.
  const kept = questionsOf(body).map((question) => cache.peek(answerKeyOf(context.caller, question)));
  // One not kept: no, before any audit entry is written.
  if (kept.some((answer) => answer === undefined)) return false;
  // Read once for every answer that read nothing protected (those that did check it as they write their entry).
  let currentVersion: Promise<string | undefined> | undefined;
  for (const answer of kept as NonNullable<(typeof kept)[number]>[]) {
    const confirmed = answer.reads.length > 0 ? await auditKeptAnswer(context, answer) : (await (currentVersion ??= readDataVersion(context))) === answer.dataVersion;
    if (!confirmed) return false;
  }
  return true;
}
