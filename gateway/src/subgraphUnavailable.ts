import { ErrorCode } from '@cswb/contract/errors';
import { ExecutionResult, GraphQLError } from 'graphql';

/** Why a subgraph's part of a request was not served (`extensions.reason`). */
export type SubgraphUnavailableReason = 'unreachable' | 'timeout' | 'request deadline' | 'circuit open';

/** The result standing in for a subgraph fetch that was not answered: its fields null, an error naming it. */
export function subgraphUnavailable(subgraphName: string, reason: SubgraphUnavailableReason, detail: string, extra: Record<string, unknown> = {}): ExecutionResult {
  return {
    data: null,
    errors: [
      new GraphQLError(`Subgraph "${subgraphName}" is unavailable: ${detail}`, {
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: subgraphName, reason, ...extra },
      }),
    ],
  };
}

/** The reason of a SUBGRAPH_UNAVAILABLE error for this subgraph in a result, if there is one. */
export function unavailableReason(result: ExecutionResult, subgraphName: string): SubgraphUnavailableReason | undefined {
  const error = result.errors?.find((e) => e.extensions?.code === ErrorCode.SUBGRAPH_UNAVAILABLE && e.extensions?.serviceName === subgraphName);
  return error?.extensions?.reason as SubgraphUnavailableReason | undefined;
}
