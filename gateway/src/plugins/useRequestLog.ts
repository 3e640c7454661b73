import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Caller } from '@cswb/contract/auth';
import type { Logger } from '@cswb/contract/logging';

/** The fields of the one `graphql request` line per request, beside its logger's `requestId` and `traceId`. */
export interface RequestLogFields {
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
}

/**
 * One `graphql request` line (info) per GraphQL request, written by the request's logger
 * (`useRequestLogger`): with the request id the gateway forwards to every subgraph (and so finds
 * again in their audit logs) and the trace id. Who asked and what came of it; never the
 * variables, the token or the data.
 */
export function useRequestLog(
  loggerOf: (request: Request) => Logger | undefined,
  clientRequestIdOf?: (request: Request) => string | null,
  actorOf?: (request: Request) => string | null,
): GatewayPlugin {
  const started = new WeakMap<Request, number>();
  const details = new WeakMap<Request, { operationName: string | null; caller: Caller | null; errors: number }>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
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
      const log = loggerOf(request);
      if (begin === undefined || !log || !new URL(request.url).pathname.endsWith('/graphql')) return;
      const entry = details.get(request);
      const fields: RequestLogFields = {
        ...(clientRequestIdOf?.(request) ? { clientRequestId: clientRequestIdOf(request)! } : {}),
        ...(actorOf?.(request) ? { actor: actorOf(request)! } : {}),
        operationName: entry?.operationName ?? null,
        subject: entry?.caller?.subject ?? null,
        agency: entry?.caller?.agency ?? null,
        purpose: entry?.caller?.purpose ?? null,
        status: response.status,
        errors: entry?.errors ?? 0,
        durationMs: Math.round((performance.now() - begin) * 10) / 10,
      };
      log.info(fields, 'graphql request');
    },
  };
}
