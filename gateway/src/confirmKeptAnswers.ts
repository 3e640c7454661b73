import type * as https from 'node:https';
import { inClientSpan, type Tracing } from '@cswb/contract/telemetry';
import { ASSERTION_HEADER, CONFIRM_PATH, postJson, type AnswerConfirmation, type AssertionSigner, type AssertionSubject } from '@cswb/contract/trust';
import type { KeptFetch } from './AnswerCache';

/** True when every subgraph fetch of a kept answer is confirmed for this request (and so audited by its subgraph). */
export type AnswerConfirmer = (fetches: readonly KeptFetch[], subject: AssertionSubject) => Promise<boolean>;

export interface AnswerConfirmerOptions {
  /** The client certificate for HTTPS subgraphs, as for their fetches. */
  agent?: https.Agent;
  timeoutMs: (subgraph: string) => number;
  /** False for a subgraph not to be asked now (its circuit is open): the answer is computed afresh instead. */
  available?: (subgraph: string) => boolean;
  /** Each confirmation in a span of the request's trace, continued by the subgraph. */
  tracer?: Tracing['tracer'];
}

/**
 * Asks, all at once, each subgraph fetch of a kept answer to confirm it (POST `CONFIRM_PATH`
 * beside the subgraph's GraphQL endpoint, the fetch's own body, a fresh assertion for this
 * request). Any answer but `{"confirmed":true}` (stale, unknown, refused, unreachable, too slow)
 * is a no: the caller then answers afresh, as without a cache.
 */
export function createAnswerConfirmer(sign: AssertionSigner, options: AnswerConfirmerOptions): AnswerConfirmer {
  const confirmOne = async (fetch: KeptFetch, subject: AssertionSubject): Promise<boolean> => {
    if (options.available && !options.available(fetch.subgraph)) return false;
    try {
      const url = new URL(CONFIRM_PATH.slice(1), fetch.url).toString();
      const assertion = await sign(fetch.subgraph, subject, fetch.body);
      return await inClientSpan(options.tracer, `answer cache confirm ${fetch.subgraph}`, { 'cswb.subgraph': fetch.subgraph }, async (traceHeaders) => {
        const response = await postJson(url, fetch.body, {
          headers: { ...traceHeaders, [ASSERTION_HEADER]: assertion },
          agent: url.startsWith('https:') ? options.agent : undefined,
          timeoutMs: options.timeoutMs(fetch.subgraph),
        });
        return response.status === 200 && (JSON.parse(response.body) as AnswerConfirmation).confirmed === true;
      });
    } catch {
      return false;
    }
  };
  return async (fetches, subject) => (await Promise.all(fetches.map((fetch) => confirmOne(fetch, subject)))).every(Boolean);
}
