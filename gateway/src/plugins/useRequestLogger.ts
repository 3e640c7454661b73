import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { LegacyLogger, runWithLogContext, traceIdOf, type LogContext, type Logger } from '@cswb/contract/logging';

export interface RequestLoggers {
  plugin: GatewayPlugin;
  /** The request's logger: every line it writes names the hub's request id and the trace. */
  loggerOf(request: Request): Logger | undefined;
}

/**
 * Gives each request a child of the gateway's logger with `requestId` (the hub's own, as the
 * response's `x-request-id` and the subgraphs' audit logs carry it) and `traceId` (the request's
 * span when tracing, else the client's `traceparent`), and makes it the runtime's logger for
 * that request. The request is also served in a log context with both ids, so that lines the
 * runtime and GraphQL Yoga write through the gateway's root logger name them too. The trace is
 * asked as the request starts, inside the OpenTelemetry plugin's HTTP span (the plugin's own
 * `getHttpContext` is process-global and would answer for the first gateway of the process only).
 */
export function useRequestLogger(requestIdOf: (request: Request) => string): RequestLoggers {
  const loggers = new WeakMap<Request, Logger>();
  const contexts = new WeakMap<Request, LogContext>();
  return {
    loggerOf: (request) => loggers.get(request),
    plugin: {
      instrumentation: {
        request({ request }, serve) {
          const context: LogContext = { requestId: requestIdOf(request) };
          contexts.set(request, context);
          return runWithLogContext(context, serve);
        },
      },
      onRequest({ request, serverContext }) {
        const traceId = traceIdOf(request.headers.get('traceparent'));
        const context = contexts.get(request);
        if (context && traceId) context.traceId = traceId;
        const server = serverContext as { log?: Logger; logger?: LegacyLogger };
        if (!server.log) return;
        const log = server.log.child({ requestId: requestIdOf(request), ...(traceId ? { traceId } : {}) });
        server.log = log;
        server.logger = LegacyLogger.from(log);
        loggers.set(request, log);
      },
    },
  };
}
