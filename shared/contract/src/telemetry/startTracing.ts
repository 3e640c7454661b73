import type { Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-base';
import type { TracingConfig } from '../config';
import { ensureAsyncContextManager } from './ensureAsyncContextManager';

/** One service's tracer, exporting over OTLP/HTTP in batches. */
export interface Tracing {
  serviceName: string;
  provider: BasicTracerProvider;
  tracer: Tracer;
  /** Exports what is buffered and stops; never waits longer than the export timeout. */
  shutdown(): Promise<void>;
}

/**
 * A tracer provider of its own per service (not the global one), so that several services in
 * one process (`npm start`, tests) each carry their own `service.name` and flush on their own close.
 */
export function startTracing(config: TracingConfig): Tracing {
  ensureAsyncContextManager();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName, 'service.namespace': 'cswb-hub' }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.sampleRatio) }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: config.endpoint, timeoutMillis: config.exportTimeoutMs }), {
        scheduledDelayMillis: config.batchDelayMs,
        exportTimeoutMillis: config.exportTimeoutMs,
      }),
    ],
  });
  let stopped: Promise<void> | undefined;
  return {
    serviceName: config.serviceName,
    provider,
    tracer: provider.getTracer('cswb-hub'),
    shutdown: () =>
      (stopped ??= new Promise<void>((resolve) => {
        // An unreachable collector must not hold up a closing service: spans still buffered are dropped.
        const timer = setTimeout(resolve, config.exportTimeoutMs + 500);
        timer.unref();
        provider.shutdown().then(
          () => resolve(),
          () => resolve(),
        );
      })),
  };
}
