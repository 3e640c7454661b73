import type { FormattedExecutionResult } from 'graphql';

const texts = new WeakMap<object, string>();

/**
 * The subgraph's `stringifyResult`: compact JSON (Apollo Server pretty-prints by default, which
 * only the gateway would read), and the text of an answer kept by the response cache written once
 * and sent as is every time that answer is served again.
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
 * Serialises a result about to be kept, remembering the text by its `data` object (frozen and
 * shared by every answer served from it), so `stringifyAnswer` does not write it again; the
 * text's length is what the cache counts against its budget.
 */
export function serializeKeptAnswer(result: Readonly<Record<string, unknown>>): string {
  const text = JSON.stringify(result);
  const { data } = result;
  if (data && typeof data === 'object' && Object.keys(result).length === 1) texts.set(data, text);
  return text;
}
