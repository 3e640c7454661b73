import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import usePrometheus, { createCounter, createHistogram } from '@graphql-mesh/plugin-prometheus';
import type { Registry } from 'prom-client';

type Logger = Parameters<typeof usePrometheus>[0]['log'];

/**
 * Hive Gateway's own Prometheus plugin (the one its `prometheus` setting loads), on the gateway's
 * registry: its default metrics (`graphql_gateway_fetch_duration`, `graphql_gateway_subgraph_execute_duration`,
 * `graphql_envelop_request_duration`, `graphql_yoga_http_duration`, …) under their names, so
 * Hive's published Grafana dashboard reads them. Its labels are narrowed to bounded sets: no
 * `operationName` (any client could create series with it) and no error `path` (list indices);
 * `graphql_yoga_http_duration` without the request URL (a GET carries the whole query and its
 * variables there). `graphql_envelop_deprecated_field` is off: it walks every document with the
 * schema's type information to count deprecated fields, and the hub's schema has none.
 * The hub's `/metrics` serves the registry, not the plugin.
 */
export function useHivePrometheus(registry: Registry, log: Logger): GatewayPlugin {
  return usePrometheus({
    log,
    registry,
    endpoint: false,
    labels: { operationName: false, path: false },
    metrics: {
      graphql_envelop_deprecated_field: false,
      graphql_yoga_http_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_yoga_http_duration',
          help: 'Time spent on HTTP connection',
          labelNames: ['method', 'statusCode', 'operationType'],
        },
        fillLabelsFn: (params, context) => ({
          method: context.request.method,
          statusCode: context.response.status,
          operationType: params.operationType ?? 'unknown',
        }),
      }),
      // The plugin's own counter would put `operationName` in its labels whatever `labels` says.
      graphql_gateway_subgraph_execute_errors: createCounter({
        registry,
        counter: {
          name: 'graphql_gateway_subgraph_execute_errors',
          help: 'Number of errors on subgraph execution',
          labelNames: ['subgraphName', 'operationType'],
        },
        fillLabelsFn: ({ subgraphName, executionRequest }) => ({ subgraphName, operationType: executionRequest.operationType ?? 'query' }),
      }),
    },
  }) as unknown as GatewayPlugin;
}
