import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { OperationLimitsConfig } from '@cswb/contract/config';
import { operationLimitErrors, tokenLimitError } from '@cswb/contract/limits';

/**
 * The operation limits (shared/contract/src/limits, the same the subgraphs check), before the query planner
 * and before graphql-js validation: a document with too many tokens is refused on the raw
 * parameters, before it is parsed; depth, aliases, root fields, directives and cost are measured
 * in time linear in the document as validation starts, and a document over a limit gets its
 * errors as the validation result, so the standard rules never walk it. HTTP 400.
 */
export function useOperationLimits(limits: OperationLimitsConfig): GatewayPlugin {
  return {
    // On the raw parameters, before any parser (and its cache) sees the document.
    onParams({ params }) {
      if (typeof params.query !== 'string') return;
      const tooLong = tokenLimitError(params.query, limits);
      if (tooLong) throw tooLong;
    },
    onValidate({ params }) {
      const errors = operationLimitErrors(params.documentAST, params.schema, limits);
      // Thrown, not handed over as the validation result: the runtime would answer validation
      // errors with 200 to `Accept: application/json`, and these are the client's 400.
      if (errors.length === 1) throw errors[0];
      if (errors.length > 1) throw new AggregateError(errors);
    },
  };
}
