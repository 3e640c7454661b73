import { createHash } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { DocumentNode, ExecutionResult, getOperationAST, print } from 'graphql';
import { answerKeyOf, questionDigestOf, type Caller } from '@cswb/contract/auth';
import { ANSWER_KEPT_HEADER, QUESTION_DIGEST } from '@cswb/contract/trust';
import type { AnswerCache, KeptFetch } from '../AnswerCache';
import { disclosureCountsOf, KNOWN_DISCLOSURE_COUNTS } from '../disclosureCounts';
import type { AnswerConfirmer } from '../confirmKeptAnswers';
import { assertableOperationName } from './useSubgraphAssertions';

export interface AnswerCacheSource {
  callerOf(request: Request): Promise<Caller>;
  requestIdOf(request: Request): string;
  /** The member acting for the caller, when a member sent the request: such requests are never kept. */
  actorOf(request: Request): string | null;
}

/** The text yoga sends for a result without errors: itself, less the internal `extensions.http`. */
function sentText(result: ExecutionResult): string {
  if (!result.extensions || !('http' in result.extensions)) return JSON.stringify(result);
  const { http: _http, ...extensions } = result.extensions;
  return JSON.stringify({ ...result, extensions: Object.keys(extensions).length ? extensions : undefined });
}

export type AnswerCacheOutcome = 'served' | 'unconfirmed' | 'kept';

/**
 * The gateway's answer cache (docs/operations.md, "Answer cache"). A query answered without
 * errors, every subgraph fetch of which the subgraph kept in its own response cache (header
 * `cswb-answer-kept`: aggregate answers only), is kept with those fetches under the document,
 * variables, operation name and the caller's access. The same question again, from a caller with
 * the same access, is answered from it only once every one of those subgraphs has confirmed its
 * part for this request (`AnswerConfirmer`): each checks it still holds that answer for that
 * access at its current data version and writes this request's audit entry, as a cache hit of its
 * own. No planning, no subgraph answers sent, one parallel round of confirmations. Anything else
 * (a no, a subgraph down, a mutation, a member acting for a caller) is answered afresh.
 * It sits after every plugin that may refuse or limit a request, which all still run.
 */
export function useAnswerCache(cache: AnswerCache, confirm: AnswerConfirmer, source: AnswerCacheSource, count: (outcome: AnswerCacheOutcome) => void = () => {}): GatewayPlugin {
  /** The fetches of the request being answered afresh, or null once one of them was not kept. */
  const fetchesOf = new WeakMap<object, KeptFetch[] | null>();
  /** A parsed document's digest, once per document the runtime's parser cache hands out. */
  const digests = new WeakMap<DocumentNode, string>();
  const digestOf = (document: DocumentNode) => {
    let digest = digests.get(document);
    if (digest === undefined) {
      digest = createHash('sha256').update(print(document)).digest('base64url');
      digests.set(document, digest);
    }
    return digest;
  };
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as { request?: Request } | undefined;
      const request = context?.request;
      if (!cache.enabled || !context || !request || source.actorOf(request) !== null) return;
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      if (operation?.operation !== 'query') return;
      const caller = await source.callerOf(request);
      const key = answerKeyOf(caller, questionDigestOf(args.operationName, digestOf(args.document), args.variableValues as Record<string, unknown> | undefined));
      const kept = cache.get(key);
      if (kept) {
        const confirmed = await confirm(kept.fetches, {
          caller,
          requestId: source.requestIdOf(request),
          operationName: assertableOperationName(operation.name?.value),
          actor: null,
        });
        if (confirmed) {
          count('served');
          // Sent as kept, neither parsed nor serialised again (yoga sends what `stringify` gives).
          return setResultAndStopExecution({ data: {}, stringify: () => kept.text, [KNOWN_DISCLOSURE_COUNTS]: kept.disclosure } as ExecutionResult);
        }
        count('unconfirmed');
        cache.delete(key);
      }
      fetchesOf.set(context, []);
      return {
        onExecuteDone({ result }) {
          const fetches = fetchesOf.get(context);
          fetchesOf.delete(context);
          if (!fetches?.length || Symbol.asyncIterator in result || result.errors?.length) return;
          cache.set(key, { text: sentText(result), fetches, disclosure: disclosureCountsOf(args.document, result.data) });
          count('kept');
        },
      };
    },
    onFetch({ url, executionRequest, context }) {
      const fetches = context ? fetchesOf.get(context as object) : undefined;
      if (!fetches) return;
      const subgraph = executionRequest?.subgraphName;
      if (!subgraph) {
        fetchesOf.set(context as object, null);
        return;
      }
      return ({ response }) => {
        const question = response.headers.get(ANSWER_KEPT_HEADER);
        if (question !== null && QUESTION_DIGEST.test(question)) fetches.push({ subgraph, url, question });
        else fetchesOf.set(context as object, null);
      };
    },
  };
}
