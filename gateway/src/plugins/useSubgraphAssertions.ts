import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { getOperationAST } from 'graphql';
import type { Caller } from '@cswb/contract/auth';
import { ASSERTION_HEADER, type AssertionSigner } from '@cswb/contract/trust';

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;

/** The operation name an assertion may carry: a GraphQL name, else none. */
export function assertableOperationName(name: string | null | undefined): string | null {
  return typeof name === 'string' && GRAPHQL_NAME.test(name) ? name : null;
}

export interface AssertionSource {
  callerOf(request: Request): Promise<Caller>;
  requestIdOf(request: Request): string;
  /** The member acting for the caller, when a member (e.g. planning) sent the request. */
  actorOf(request: Request): string | null;
}

/**
 * Signs each subgraph fetch: an assertion for that subgraph only, carrying the caller the gateway
 * verified, its purpose, the hub's request id and the client's operation name, bound to the body.
 * A fetch made outside a client request (none here) gets no assertion and is refused by the subgraph.
 */
export function useSubgraphAssertions(sign: AssertionSigner, source: AssertionSource): GatewayPlugin {
  // The name of the operation executed, whether the client gave `operationName` or only named it in the document.
  const operationNames = new WeakMap<object, string | null>();
  return {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      if (args.contextValue) operationNames.set(args.contextValue as object, operation?.name?.value ?? null);
    },
    async onFetch({ options, setOptions, executionRequest, context }) {
      const subgraph = executionRequest?.subgraphName;
      const request = (context as { request?: Request } | undefined)?.request;
      if (!subgraph || !request) return;
      const body = typeof options.body === 'string' || options.body instanceof Uint8Array ? options.body : '';
      const operationName = context ? operationNames.get(context as object) : null;
      const assertion = await sign(
        subgraph,
        {
          caller: await source.callerOf(request),
          requestId: source.requestIdOf(request),
          operationName: assertableOperationName(operationName),
          actor: source.actorOf(request),
        },
        body,
      );
      setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), [ASSERTION_HEADER]: assertion } });
    },
  };
}
