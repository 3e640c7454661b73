import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { operationContext } from './operationScope';

const propagator = new W3CTraceContextPropagator();

/**
 * `traceparent` (and `tracestate`) of the operation being served, for a request a subgraph makes
 * itself (planning's risk analysis asks the gateway): the call joins the same trace. Empty when
 * the operation is not traced.
 */
export function traceHeaders(): Record<string, string> {
  const active = operationContext();
  const headers: Record<string, string> = {};
  if (active) propagator.inject(active, headers, { set: (carrier, key, value) => (carrier[key] = value) });
  return headers;
}
