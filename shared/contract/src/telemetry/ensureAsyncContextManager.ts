import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';

let ensured = false;

/**
 * Makes the active context follow awaits (AsyncLocalStorage), process-wide. The global context
 * manager can be set only once per process, so it is registered once and never removed: it
 * costs nothing while no span is active. One registered by someone else first is kept.
 */
export function ensureAsyncContextManager(): void {
  if (ensured) return;
  ensured = true;
  const manager = new AsyncLocalStorageContextManager().enable();
  if (!context.setGlobalContextManager(manager)) manager.disable();
}
