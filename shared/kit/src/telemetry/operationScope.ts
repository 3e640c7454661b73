import { context, createContextKey, trace, type Context, type Span } from '@opentelemetry/api';

/**
 * Apollo Server's plugins cannot make their span the active one (no hook wraps execution), so
 * the server runs each request in a scope the tracing plugin fills with its operation span,
 * and whatever runs inside (SQL) parents on it from there. The scope ends the span once the
 * response is complete, after every plugin's `willSendResponse` (the audit write among them).
 */
interface OperationScope {
  span?: Span;
}

const SCOPE = createContextKey('cswb operation scope');

export async function runInOperationScope<T>(run: () => Promise<T>): Promise<T> {
  const scope: OperationScope = {};
  try {
    return await context.with(context.active().setValue(SCOPE, scope), run);
  } finally {
    scope.span?.end();
  }
}

/** True when the current scope took the span, and will end it; false outside any scope. */
export function setOperationSpan(span: Span): boolean {
  const scope = context.active().getValue(SCOPE) as OperationScope | undefined;
  if (scope) scope.span = span;
  return scope !== undefined;
}

/** The context of the current operation's span; undefined outside a traced operation. */
export function operationContext(): Context | undefined {
  const active = context.active();
  const span = (active.getValue(SCOPE) as OperationScope | undefined)?.span;
  return span ? trace.setSpan(active, span) : undefined;
}
