import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Caller } from '@cswb/contract/auth';

export interface RequestLogEntry {
  time: string;
  level: 'info';
  msg: 'graphql request';
  requestId: string | null;
  /** The `x-request-id` the client sent, kept apart from the hub's own id. */
  clientRequestId?: string;
  /** A member of the hub (e.g. planning) that sent the request for the caller. */
  actor?: string;
  operationName: string | null;
  subject: string | null;
  agency: string | null;
  purpose: string | null;
  status: number;
  errors: number;
  durationMs: number;
  /** The OpenTelemetry trace of the request, when tracing is on: look it up in the tracing backend. */
  traceId?: string;
}

/**
 * One structured JSON line per GraphQL request, with the request id the gateway forwards to
 * every subgraph (and so finds again in their audit logs) and, when tracing, the trace id.
 */
export function useRequestLog(
  write: (entry: RequestLogEntry) => void,
  currentTraceId?: () => string | undefined,
  clientRequestIdOf?: (request: Request) => string | null,
  actorOf?: (request: Request) => string | null,
): GatewayPlugin {
  const started = new WeakMap<Request, number>();
  const traceIds = new WeakMap<Request, string>();
  const details = new WeakMap<Request, { operationName: string | null; caller: Caller | null; errors: number }>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
      const traceId = currentTraceId?.();
      if (traceId) traceIds.set(request, traceId);
    },
    onExecute({ args }) {
      const context = args.contextValue as { request: Request; currentUser?: Caller | null };
      details.set(context.request, {
        operationName: args.operationName ?? null,
        caller: context.currentUser ?? null,
        errors: 0,
      });
      return {
        onExecuteDone({ result }) {
          const entry = details.get(context.request);
          if (entry && 'errors' in result && result.errors) entry.errors = result.errors.length;
        },
      };
    },
    onResponse({ request, response }) {
      const begin = started.get(request);
      if (begin === undefined || !new URL(request.url).pathname.endsWith('/graphql')) return;
      const entry = details.get(request);
      write({
        time: new Date().toISOString(),
        level: 'info',
        msg: 'graphql request',
        requestId: response.headers.get('x-request-id'),
        ...(clientRequestIdOf?.(request) ? { clientRequestId: clientRequestIdOf(request)! } : {}),
        ...(actorOf?.(request) ? { actor: actorOf(request)! } : {}),
        operationName: entry?.operationName ?? null,
        subject: entry?.caller?.subject ?? null,
        agency: entry?.caller?.agency ?? null,
        purpose: entry?.caller?.purpose ?? null,
        status: response.status,
        errors: entry?.errors ?? 0,
        durationMs: Math.round((performance.now() - begin) * 10) / 10,
        traceId: traceIds.get(request),
      });
    },
  };
}
