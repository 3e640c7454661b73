import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

const propagator = new W3CTraceContextPropagator();

/**
 * Runs a call to another service in a CLIENT span, child of the active span, with the headers
 * that carry it there (`traceparent`): for calls made outside the gateway runtime's own fetches.
 * Without a tracer, `run` gets no headers and nothing is recorded.
 */
export async function inClientSpan<T>(tracer: Tracer | undefined, name: string, attributes: Attributes, run: (headers: Record<string, string>) => Promise<T>): Promise<T> {
  if (!tracer) return run({});
  const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes });
  const headers: Record<string, string> = {};
  propagator.inject(trace.setSpan(context.active(), span), headers, { set: (carrier, key, value) => void (carrier[key] = value) });
  try {
    return await run(headers);
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}
