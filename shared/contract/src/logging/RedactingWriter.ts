import type { Attributes, LogLevel, LogWriter } from '@graphql-hive/logger';
import { currentLogContext } from './logContext';
import { redactLogFields, redactText } from './redactLogFields';

/** The request's ids (`runWithLogContext`) on a line logged without them. */
function withRequestIds(attrs: Attributes | null | undefined): Attributes | null | undefined {
  const context = currentLogContext();
  if (!context || (!context.requestId && !context.traceId)) return attrs;
  const ids = { ...(context.requestId ? { requestId: context.requestId } : {}), ...(context.traceId ? { traceId: context.traceId } : {}) };
  if (!attrs) return ids;
  if (Array.isArray(attrs)) {
    const [first, ...rest] = attrs;
    return first !== null && typeof first === 'object' && !Array.isArray(first) ? [{ ...ids, ...first }, ...rest] : [ids, ...attrs];
  }
  return { ...ids, ...attrs };
}

/**
 * Passes every line on with the current request's ids added (`runWithLogContext`) and secrets
 * and record values removed (`redactLogFields`), whoever logged it.
 */
export class RedactingWriter implements LogWriter {
  constructor(private readonly next: LogWriter) {}

  write(level: LogLevel, attrs: Attributes | null | undefined, msg: string | null | undefined): void | Promise<void> {
    const fields = withRequestIds(attrs);
    return this.next.write(level, fields ? (redactLogFields(fields) as Attributes) : fields, msg ? redactText(msg) : msg);
  }

  flush(): void | Promise<void> {
    return this.next.flush?.();
  }
}
