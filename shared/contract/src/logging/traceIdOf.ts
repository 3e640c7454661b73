import { trace } from '@opentelemetry/api';

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * The trace a request's log lines name: the active span's when this service traces, else the
 * one its caller propagated (`traceparent`), else none.
 */
export function traceIdOf(traceparent: string | null | undefined): string | undefined {
  const active = trace.getActiveSpan()?.spanContext();
  if (active && trace.isSpanContextValid(active)) return active.traceId;
  const propagated = TRACEPARENT.exec((traceparent ?? '').trim().toLowerCase())?.[1];
  return propagated && !/^0+$/.test(propagated) ? propagated : undefined;
}
