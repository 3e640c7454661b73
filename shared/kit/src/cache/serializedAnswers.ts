import type { FormattedExecutionResult } from 'graphql';

const texts = new WeakMap<object, string>();

/**
 * The subgraph's `stringifyResult`: compact JSON (Apollo Server pretty-prints by default, which
 * only the gateway would read), and an answer whose text is already written (`keepAnswerText`)
 * sent as that text.
 */
export function stringifyAnswer(value: FormattedExecutionResult): string {
  const { data } = value;
  if (data && value.errors === undefined && value.extensions === undefined) {
    const kept = texts.get(data);
    if (kept !== undefined) return kept;
  }
  return JSON.stringify(value);
}

/**
 * Writes the text of an answer that is only `data` (no errors, no extensions) once, for this
 * response and for every later one served from it. What the cache keeps is the text and a small
 * frozen stand-in for the result, `{ data: <token> }`, that `stringifyAnswer` turns back into the
 * text: the cache holds the answer's bytes, not its object graph (several times larger), so its
 * budget (`RESPONSE_CACHE_MB`, counted as the text's length) is what it takes in memory.
 * Undefined for any other result, which is not kept.
 */
export function keepAnswerText(result: Readonly<Record<string, unknown>>): { text: string; standIn: Readonly<Record<string, unknown>> } | undefined {
  const { data } = result;
  if (!data || typeof data !== 'object' || Object.entries(result).some(([key, value]) => key !== 'data' && value !== undefined)) return undefined;
  const text = JSON.stringify(result);
  texts.set(data, text);
  const token = Object.freeze({});
  texts.set(token, text);
  return { text, standIn: Object.freeze({ data: token }) };
}
