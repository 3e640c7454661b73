import type { Logger } from '@graphql-hive/logger';
import { traceIdOf } from './traceIdOf';

/** A child of `log` for one request: every line names its `requestId` and, when known, its `traceId`. */
export function requestLogger(log: Logger, request: { requestId?: string; traceparent?: string | string[] | null }): Logger {
  const traceId = traceIdOf(Array.isArray(request.traceparent) ? request.traceparent[0] : request.traceparent);
  return log.child({ ...(request.requestId ? { requestId: request.requestId } : {}), ...(traceId ? { traceId } : {}) });
}
