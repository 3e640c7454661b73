import { propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { Tracing } from './startTracing';

export class GlobalTracingInUseError extends Error {
  constructor(serviceName: string) {
    super(`OpenTelemetry: a tracer provider is already registered in this process; ${serviceName} cannot register its own`);
    this.name = 'GlobalTracingInUseError';
  }
}

/**
 * Registers a service's tracer provider and the W3C `traceparent` propagator as this process's
 * globals, for instrumentation that only uses those (Hive Gateway's OpenTelemetry plugin).
 * Returns the undo, which a closing service calls so that a later one can register again.
 */
export function registerGlobalTracing(tracing: Tracing): () => void {
  if (!trace.setGlobalTracerProvider(tracing.provider)) throw new GlobalTracingInUseError(tracing.serviceName);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  let registered = true;
  return () => {
    if (!registered) return;
    registered = false;
    trace.disable();
    propagation.disable();
  };
}
