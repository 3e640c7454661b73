import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { GatewayMetrics } from '../metrics';

/** Requests, their duration and the error codes returned (refusals by rule among them), per GraphQL request. */
export function useMetrics(metrics: GatewayMetrics): GatewayPlugin {
  const started = new WeakMap<Request, number>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
    },
    onResultProcess({ result }) {
      for (const single of Array.isArray(result) ? result : [result]) {
        const errors = (single as { errors?: readonly { extensions?: Record<string, unknown> }[] } | undefined)?.errors ?? [];
        for (const error of errors) metrics.countError(String(error.extensions?.code ?? 'UNKNOWN'));
      }
    },
    onResponse({ request, response }) {
      const begin = started.get(request);
      if (begin === undefined || !new URL(request.url).pathname.endsWith('/graphql') || request.method === 'OPTIONS') return;
      metrics.requests.inc({ status: String(response.status) });
      metrics.requestDuration.observe((performance.now() - begin) / 1000);
    },
  };
}
