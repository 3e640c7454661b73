import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionResult } from 'graphql';
import type { GatewayMetrics } from '../metrics';
import type { SubgraphCircuitBreakers } from '../SubgraphCircuitBreakers';
import { subgraphUnavailable, unavailableReason } from '../subgraphUnavailable';

/**
 * A subgraph whose circuit is open is not called: its fields come back at once with
 * SUBGRAPH_UNAVAILABLE (`reason: "circuit open"`, `retryAfterMs`), instead of every request
 * waiting out its timeout. Registered after `useSubgraphResilience`, so it wraps it and sees
 * its timeouts and transport failures as the failures it counts.
 */
export function useCircuitBreaker(breakers: SubgraphCircuitBreakers, metrics?: GatewayMetrics): GatewayPlugin {
  return {
    onSubgraphExecute({ subgraphName, executor, setExecutor }) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      setExecutor(async (request: any): Promise<any> => {
        const admission = breakers.admit(subgraphName);
        if (admission.kind === 'rejected') {
          metrics?.subgraphFetches.inc({ subgraph: subgraphName, outcome: 'circuit_open' });
          return subgraphUnavailable(subgraphName, 'circuit open', `circuit open after repeated failures; retried in ${admission.retryAfterMs} ms`, {
            retryAfterMs: admission.retryAfterMs,
          });
        }
        let result: unknown;
        try {
          result = await executor(request);
        } catch (error) {
          breakers.failed(subgraphName, admission);
          throw error;
        }
        const reason = result && typeof result === 'object' && !(Symbol.asyncIterator in result) ? unavailableReason(result as ExecutionResult, subgraphName) : undefined;
        if (reason === 'timeout' || reason === 'unreachable') breakers.failed(subgraphName, admission);
        else if (reason === 'request deadline') breakers.released(subgraphName, admission);
        else breakers.succeeded(subgraphName, admission);
        return result;
      });
    },
  };
}
