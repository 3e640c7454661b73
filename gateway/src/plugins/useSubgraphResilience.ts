import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionResult } from 'graphql';
import type { GatewayMetrics } from '../metrics';
import { subgraphUnavailable } from '../subgraphUnavailable';
import { FetchesInFlight } from '../FetchesInFlight';
import type { Logger } from '@cswb/contract/logging';

export interface SubgraphResilienceOptions {
  timeoutMs: (subgraphName: string) => number;
  /** The whole client request's budget: a fetch never outlives what remains of it. */
  requestTimeoutMs?: number;
  metrics?: GatewayMetrics;
}

/** The reason a fetch's signal is aborted with once its answer is in: nothing is cut short by it. */
const FETCH_DONE = Object.freeze({ name: 'FetchDone', message: 'the subgraph answered' });

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return value != null && typeof value === 'object' && Symbol.asyncIterator in value;
}

/**
 * Every fetch to a subgraph gets a deadline. A subgraph that is down, answers with an HTTP error
 * or misses its deadline yields an error naming it (`SUBGRAPH_UNAVAILABLE`, `extensions.serviceName`)
 * for the fields it owns; the other subgraphs' data is still returned. Nothing is remembered
 * between requests here (the circuit breaker, `useCircuitBreaker`, does that). Each client request
 * has a deadline (`requestTimeoutMs`) and each fetch gets what remains of it, capped by the
 * subgraph's own timeout: a request whose fetches run one after another cannot add their timeouts up.
 */
export function useSubgraphResilience(options: SubgraphResilienceOptions): GatewayPlugin {
  const deadlines = new WeakMap<Request, number>();
  const inFlight = new FetchesInFlight();
  return {
    onRequest({ request }) {
      if (options.requestTimeoutMs) deadlines.set(request, performance.now() + options.requestTimeoutMs);
    },
    onSubgraphExecute({ subgraphName, executor, setExecutor }) {
      const ownTimeoutMs = options.timeoutMs(subgraphName);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      setExecutor(async (request: any): Promise<any> => {
        const begin = performance.now();
        const clientRequest: Request | undefined = request.context?.request;
        const deadline = clientRequest ? deadlines.get(clientRequest) : undefined;
        const remainingMs = deadline === undefined ? Infinity : Math.floor(deadline - begin);
        const timeoutMs = Math.min(ownTimeoutMs, remainingMs);
        // Cut short by the request's deadline, not the subgraph's own timeout: says nothing about the subgraph.
        const byDeadline = timeoutMs < ownTimeoutMs;
        if (timeoutMs <= 0) {
          options.metrics?.subgraphFetches.inc({ subgraph: subgraphName, outcome: 'deadline' });
          return subgraphUnavailable(subgraphName, 'request deadline', `the request's ${options.requestTimeoutMs} ms budget was spent before this fetch`, { timeoutMs: 0 });
        }
        // Aborted at the deadline or when the client's request is.
        const controller = new AbortController();
        const parent: AbortSignal | undefined = request.signal;
        const unfollow = parent ? inFlight.follow(parent, controller) : undefined;
        const observe = (outcome: string) => {
          options.metrics?.subgraphFetches.inc({ subgraph: subgraphName, outcome });
          options.metrics?.subgraphDuration.observe({ subgraph: subgraphName }, (performance.now() - begin) / 1000);
        };
        const unavailable = (detail: string, timedOut: boolean): ExecutionResult => {
          observe(timedOut ? (byDeadline ? 'deadline' : 'timeout') : 'unavailable');
          // On the request's own logger (its ids); the cause by its code only (ECONNREFUSED, …), not the transport's text.
          const log: Logger | undefined = request.context?.log;
          const code = /\b(E[A-Z]{3,}|UND_ERR_[A-Z_]+)\b/.exec(detail)?.[1];
          log?.warn(
            { subgraph: subgraphName, reason: timedOut ? (byDeadline ? 'request deadline' : 'timeout') : 'unreachable', ...(code ? { code } : {}), ...(timedOut ? { timeoutMs } : {}) },
            `subgraph ${subgraphName} unavailable`,
          );
          if (!timedOut) return subgraphUnavailable(subgraphName, 'unreachable', detail);
          return subgraphUnavailable(subgraphName, byDeadline ? 'request deadline' : 'timeout', detail, { timeoutMs });
        };
        let timer: NodeJS.Timeout | undefined;
        let streaming = false;
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
            streaming = true;
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
          unfollow?.();
          // The HTTP executor joins this signal with one of its own that lives as long as the
          // subgraph's executor (abortSignalAny), and only lets go of that listener when the joined
          // signal aborts or is garbage-collected: thousands pile up under load (slow to add,
          // MaxListenersExceededWarning). Aborting once the answer is read lets go of it now.
          if (!streaming && !controller.signal.aborted) controller.abort(FETCH_DONE);
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
