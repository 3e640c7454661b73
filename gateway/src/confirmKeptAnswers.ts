import type * as https from 'node:https';
import { inClientSpan, type Tracing } from '@cswb/contract/telemetry';
import { ASSERTION_HEADER, CONFIRM_PATH, postJson, type AnswerConfirmation, type AssertionSubject, type ConfirmationRequest, type ConfirmationSigner } from '@cswb/contract/trust';
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
 * Asks, all at once, each subgraph of a kept answer to confirm its fetches (POST `CONFIRM_PATH`
 * beside the subgraph's GraphQL endpoint, the questions it named them by, one assertion for this
 * request signed for all of them). Any answer but `{"confirmed":true}` (stale, unknown, refused,
 * unreachable, too slow) is a no: the caller then answers afresh, as without a cache.
 */
export function createAnswerConfirmer(sign: ConfirmationSigner, options: AnswerConfirmerOptions): AnswerConfirmer {
  // Parsed once per subgraph address rather than twice per confirmation.
  const confirmUrls = new Map<string, URL>();
  const confirmUrlOf = (fetchUrl: string): URL => {
    let url = confirmUrls.get(fetchUrl);
    if (!url) confirmUrls.set(fetchUrl, (url = new URL(CONFIRM_PATH.slice(1), fetchUrl)));
    return url;
  };
  const confirmOne = async (subgraph: string, url: URL, body: string, assertion: string): Promise<boolean> => {
    try {
      return await inClientSpan(options.tracer, `answer cache confirm ${subgraph}`, { 'cswb.subgraph': subgraph }, async (traceHeaders) => {
        const response = await postJson(url, body, {
          headers: { ...traceHeaders, [ASSERTION_HEADER]: assertion },
          agent: url.protocol === 'https:' ? options.agent : undefined,
          timeoutMs: options.timeoutMs(subgraph),
        });
        return response.status === 200 && (JSON.parse(response.body) as AnswerConfirmation).confirmed === true;
      });
    } catch {
      return false;
    }
  };
  return async (fetches, subject) => {
    const questions = new Map<string, { url: URL; questions: string[] }>();
    for (const fetch of fetches) {
      if (options.available && !options.available(fetch.subgraph)) return false;
      const asked = questions.get(fetch.subgraph);
      if (asked) asked.questions.push(fetch.question);
      else questions.set(fetch.subgraph, { url: confirmUrlOf(fetch.url), questions: [fetch.question] });
    }
    const bodies: Record<string, string> = {};
    for (const [subgraph, asked] of questions) bodies[subgraph] = JSON.stringify({ questions: asked.questions } satisfies ConfirmationRequest);
    let assertion: string;
    try {
      assertion = sign(bodies, subject);
    } catch {
      return false;
    }
    const answers = await Promise.all([...questions].map(([subgraph, asked]) => confirmOne(subgraph, asked.url, bodies[subgraph], assertion)));
    return answers.every(Boolean);
  };
}
