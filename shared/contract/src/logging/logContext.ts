import { AsyncLocalStorage } from 'node:async_hooks';

/** The ids of the request being served, for lines logged where no request logger is at hand. */
export interface LogContext {
  requestId?: string;
  traceId?: string;
}

const current = new AsyncLocalStorage<LogContext>();

/**
 * Runs `serve` with `context` as the request's: every line logged inside it (the gateway
 * runtime's and GraphQL Yoga's own among them) names its request id and trace. The object may
 * be completed later (the trace id, once the request's span exists).
 */
export function runWithLogContext<T>(context: LogContext, serve: () => T): T {
  return current.run(context, serve);
}

export function currentLogContext(): LogContext | undefined {
  return current.getStore();
}
