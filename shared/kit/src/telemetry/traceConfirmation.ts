import type { IncomingMessage } from 'node:http';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, type TextMapGetter, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { runInOperationScope, setOperationSpan } from './operationScope';

const propagator = new W3CTraceContextPropagator();

const nodeHeaders: TextMapGetter<IncomingMessage['headers']> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => headers[key],
};

/**
 * One SERVER span per confirmation of a kept answer (`confirm <operation name>`), continuing the
 * gateway's `traceparent` as a GraphQL request's span does, with its audit statement under it.
 */
export function traceConfirmation(tracer: Tracer, subgraphName: string) {
  return (request: IncomingMessage, asserted: { requestId: string; operationName: string | null }, confirm: () => Promise<boolean>): Promise<boolean> => {
    const parent = propagator.extract(ROOT_CONTEXT, request.headers, nodeHeaders);
    const span = tracer.startSpan(
      `confirm ${asserted.operationName ?? 'query'}`,
      {
        kind: SpanKind.SERVER,
        attributes: { 'cswb.subgraph': subgraphName, 'cswb.request_id': asserted.requestId, ...(asserted.operationName ? { 'graphql.operation.name': asserted.operationName } : {}) },
      },
      parent,
    );
    return runInOperationScope(async () => {
      setOperationSpan(span);
      try {
        const confirmed = await confirm();
        span.setAttribute('cswb.confirmed', confirmed);
        return confirmed;
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      }
    });
  };
}
