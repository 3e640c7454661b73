import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import type { DataSource } from 'typeorm';
import { aroundEachStatement } from '../db/aroundEachStatement';
import { operationContext } from './operationScope';

/**
 * A CLIENT span around every SQL statement the data source runs inside a traced operation,
 * from send to result, child of the operation's span. `db.statement` is the statement's text
 * only: its parameters (and PostgreSQL's error messages) can hold record data and are never recorded. Statements outside an
 * operation (migrations, readiness) are not traced.
 */
export function traceSql(db: DataSource, tracer: Tracer): void {
  const databaseName = databaseOf(db.options);
  aroundEachStatement(db, (sql, run) => {
    const parent = operationContext();
    if (!parent) return run();
    const operation = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SQL';
    const span = tracer.startSpan(
      databaseName ? `${operation} ${databaseName}` : operation,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system': 'postgresql',
          'db.operation': operation,
          'db.statement': sql,
          ...(databaseName ? { 'db.name': databaseName } : {}),
        },
      },
      parent,
    );
    return run().then(
      (result) => {
        span.end();
        return result;
      },
      (error: Error & { code?: unknown }) => {
        // PostgreSQL's messages can quote the offending value: only its SQLSTATE is recorded.
        const code = typeof error.code === 'string' ? error.code : undefined;
        if (code) span.setAttribute('db.response.status_code', code);
        span.setStatus({ code: SpanStatusCode.ERROR, message: code ? `SQLSTATE ${code}` : error.name });
        span.end();
        throw error;
      },
    );
  });
}

function databaseOf(options: DataSource['options']): string | undefined {
  const url = (options as { url?: string }).url;
  if (!url) return undefined;
  try {
    return new URL(url).pathname.replace(/^\//, '') || undefined;
  } catch {
    return undefined;
  }
}
