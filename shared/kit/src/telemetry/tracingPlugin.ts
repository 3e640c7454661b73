import type { ApolloServerPlugin } from '@apollo/server';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, type TextMapGetter, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { ErrorCode } from '@cswb/contract/errors';
import type { SubgraphContext } from '../server/SubgraphDefinition';
import { setOperationSpan } from './operationScope';

type Headers = { get(name: string): string | undefined; keys(): Iterable<string> } | undefined;

const headerGetter: TextMapGetter<Headers> = {
  keys: (headers) => (headers ? [...headers.keys()] : []),
  get: (headers, key) => headers?.get(key),
};

const propagator = new W3CTraceContextPropagator();

/**
 * One SERVER span per GraphQL request a subgraph serves, `graphql <operation name>` (or
 * `graphql query` when the client named none), continuing
 * the caller's `traceparent`. The operation name is the client's, as the gateway forwards it
 * (`x-operation-name`, resolved by the audit plugin), not the planner's unnamed fetch.
 * The span goes into the request's operation scope (`runInOperationScope`) for SQL spans to
 * parent on; outside one, it ends with `willSendResponse`.
 */
export function tracingPlugin(tracer: Tracer, subgraphName: string): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const parent = propagator.extract(ROOT_CONTEXT, request.http?.headers, headerGetter);
      const span = tracer.startSpan(
        'graphql',
        { kind: SpanKind.SERVER, attributes: { 'cswb.subgraph': subgraphName, 'cswb.request_id': contextValue.requestId } },
        parent,
      );
      const endedByScope = setOperationSpan(span);
      // The request's log lines name this trace (the caller's, or the one this span began).
      if (contextValue.log) contextValue.log = contextValue.log.child({ traceId: span.spanContext().traceId });
      return {
        async didResolveOperation({ operation, operationName }) {
          const name = contextValue.operationName ?? operationName ?? null;
          if (name || operation) span.updateName(`graphql ${name ?? operation?.operation}`);
          span.setAttributes({
            ...(operation ? { 'graphql.operation.type': operation.operation } : {}),
            ...(name ? { 'graphql.operation.name': name } : {}),
          });
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            // An unexpected error's message (SQL, bugs) can quote record data: only its kind is kept.
            const internal = typeof code !== 'string' || code === ErrorCode.INTERNAL_SERVER_ERROR;
            span.recordException({
              name: typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR,
              message: internal ? (error.originalError?.name ?? 'Error') : error.message,
            });
          }
          span.setAttribute('graphql.error.count', errors.length);
          span.setStatus({ code: SpanStatusCode.ERROR });
        },
        async willSendResponse() {
          if (!endedByScope) span.end();
        },
      };
    },
  };
}
