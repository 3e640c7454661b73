import { jsonStringify, type Attributes, type LogLevel, type LogWriter } from '@graphql-hive/logger';

/**
 * One JSON object per line: `timestamp`, `level`, `msg`, then the line's fields (the service,
 * the request's `requestId` and `traceId`, …). Never coloured.
 */
export class JsonLineWriter implements LogWriter {
  constructor(private readonly out: NodeJS.WritableStream = process.stdout) {}

  write(level: LogLevel, attrs: Attributes | null | undefined, msg: string | null | undefined): void {
    this.out.write(`${jsonStringify({ timestamp: new Date().toISOString(), level, ...(msg ? { msg } : {}), ...withoutReserved(attrs) })}\n`);
  }
}

/** The line's fields; an array of arguments (the runtime's legacy logger) keeps its logger's fields at the top. */
function withoutReserved(attrs: Attributes | null | undefined): Record<string, unknown> {
  if (!attrs) return {};
  let fields: Record<string, unknown>;
  if (Array.isArray(attrs)) {
    const [first, ...rest] = attrs;
    fields = first !== null && typeof first === 'object' && !Array.isArray(first) ? { ...first, ...(rest.length ? { args: rest } : {}) } : { args: attrs };
  } else {
    fields = { ...attrs };
  }
  delete fields.timestamp;
  delete fields.level;
  delete fields.msg;
  return fields;
}
