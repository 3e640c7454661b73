import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@cswb/shared';
import { ExecutionResult, GraphQLError } from 'graphql';
import type { GatewayMetrics } from '../metrics';

export interface SubgraphResilienceOptions {
  timeoutMs: (subgraphName: string) => number;
  metrics?: GatewayMetrics;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return value != null && typeof value === 'object' && Symbol.asyncIterator in value;
}

/**
 * Every fetch to a subgraph gets a deadline. A subgraph that is down, answers with an HTTP error
 * or misses its deadline yields an error naming it (`SUBGRAPH_UNAVAILABLE`, `extensions.serviceName`)
 * for the fields it owns; the other subgraphs' data is still returned. Nothing is remembered
 * between requests, so a subgraph that comes back is used again at once.
 */
export function useSubgraphResilience(options: SubgraphResilienceOptions): GatewayPlugin {
  return {
    onSubgraphExecute({ subgraphName, executor, setExecutor }) {
      const timeoutMs = options.timeoutMs(subgraphName);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      setExecutor(async (request: any): Promise<any> => {
        const begin = performance.now();
        // Aborted at the deadline or when the client's request is; the listener goes with the fetch.
        const controller = new AbortController();
        const parent: AbortSignal | undefined = request.signal;
        const abortWithParent = () => controller.abort(parent?.reason);
        if (parent?.aborted) controller.abort(parent.reason);
        else parent?.addEventListener('abort', abortWithParent, { once: true });
        const observe = (outcome: string) => {
          options.metrics?.subgraphFetches.inc({ subgraph: subgraphName, outcome });
          options.metrics?.subgraphDuration.observe({ subgraph: subgraphName }, (performance.now() - begin) / 1000);
        };
        const unavailable = (reason: string, timedOut: boolean): ExecutionResult => {
          observe(timedOut ? 'timeout' : 'unavailable');
          return {
            data: null,
            errors: [
              new GraphQLError(`Subgraph "${subgraphName}" is unavailable: ${reason}`, {
                extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: subgraphName, ...(timedOut ? { timeoutMs } : {}) },
              }),
            ],
          };
        };
        let timer: NodeJS.Timeout | undefined;
        try {
          const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
              const error = Object.assign(new Error(`no answer within ${timeoutMs} ms`), { timedOut: true });
              controller.abort(error);
              reject(error);
            }, timeoutMs);
          });
          const result = await Promise.race([Promise.resolve(executor({ ...request, signal: controller.signal })), timeout]);
          if (isAsyncIterable(result)) {
            observe('ok');
            return result;
          }
          const single = result as ExecutionResult;
          const transportFailure = single.errors?.find((e) => isTransportError(e));
          if (transportFailure && single.data == null) return unavailable(transportFailure.message, false);
          observe(single.errors?.length ? 'error' : 'ok');
          return single;
        } catch (error) {
          const timedOut = (error as { timedOut?: boolean }).timedOut === true || (controller.signal.reason as { timedOut?: boolean } | undefined)?.timedOut === true;
          return unavailable(timedOut ? `no answer within ${timeoutMs} ms` : (error as Error).message, timedOut);
        } finally {
          clearTimeout(timer);
          parent?.removeEventListener('abort', abortWithParent);
        }
      });
    },
  };
}

/** Errors the HTTP transport makes itself (connection refused, non-JSON answer), not the subgraph's own. */
function isTransportError(error: { message: string; extensions?: Record<string, unknown> }): boolean {
  const code = error.extensions?.code;
  if (code === 'SUBREQUEST_HTTP_ERROR') return true;
  if (code && code !== 'DOWNSTREAM_SERVICE_ERROR') return false;
  return /ECONNREFUSED|ECONNRESET|fetch failed|socket hang up|No response|Unexpected response|aborted|timeout/i.test(error.message) || error.extensions?.response !== undefined;
}
