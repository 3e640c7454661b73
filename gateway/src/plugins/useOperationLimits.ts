import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { OperationLimitsConfig } from '@cswb/contract/config';
import { operationLimitErrors, tokenLimitError } from '@cswb/contract/limits';

/** Query texts remembered as within the token limit: at most this many, each at most this long. */
const KNOWN_TEXTS = 512;
const KNOWN_TEXT_LENGTH = 16_384;

/**
 * The operation limits (shared/contract/src/limits, the same the subgraphs check), before the query planner
 * and before graphql-js validation: a document with too many tokens is refused on the raw
 * parameters, before it is parsed; depth, aliases, root fields, directives and cost are measured
 * in time linear in the document as validation starts, and a document over a limit gets its
 * errors as the validation result, so the standard rules never walk it. HTTP 400. A text or a
 * parsed document (the runtime's parser cache hands the same one out again) found within the
 * limits is not measured again: dashboards repeat their questions.
 */
export function useOperationLimits(limits: OperationLimitsConfig): GatewayPlugin {
  const shortTexts = new Set<string>();
  const documentsWithin = new WeakMap<DocumentNode, GraphQLSchema>();
  return {
    // On the raw parameters, before any parser (and its cache) sees the document.
    onParams({ params }) {
      const text = params.query;
      if (typeof text !== 'string' || shortTexts.has(text)) return;
      const tooLong = tokenLimitError(text, limits);
      if (tooLong) throw tooLong;
      if (text.length <= KNOWN_TEXT_LENGTH) {
        if (shortTexts.size >= KNOWN_TEXTS) shortTexts.clear();
        shortTexts.add(text);
      }
    },
    onValidate({ params }) {
      if (documentsWithin.get(params.documentAST) === params.schema) return;
      const errors = operationLimitErrors(params.documentAST, params.schema, limits);
      // Thrown, not handed over as the validation result: the runtime would answer validation
      // errors with 200 to `Accept: application/json`, and these are the client's 400.
      if (errors.length === 1) throw errors[0];
      if (errors.length > 1) throw new AggregateError(errors);
      documentsWithin.set(params.documentAST, params.schema);
    },
  };
}
