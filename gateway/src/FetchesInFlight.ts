/**
 * The fetches in flight for each client request's signal, aborted with it by one listener however
 * many of them its plan runs at once (a listener per fetch: a plan running more than ten at once
 * set off Node's MaxListenersExceededWarning, and every fetch added and removed one).
 */
export class FetchesInFlight {
  private readonly bySignal = new WeakMap<AbortSignal, Set<AbortController>>();

  /** Aborts `fetch` when `signal` aborts (now, if it has), until the returned function is called. */
  follow(signal: AbortSignal, fetch: AbortController): () => void {
    if (signal.aborted) {
      fetch.abort(signal.reason);
      return () => {};
    }
    const fetches = this.bySignal.get(signal) ?? this.watch(signal);
    fetches.add(fetch);
    return () => fetches.delete(fetch);
  }

  private watch(signal: AbortSignal): Set<AbortController> {
    const fetches = new Set<AbortController>();
    signal.addEventListener('abort', () => fetches.forEach((fetch) => fetch.abort(signal.reason)), { once: true });
    this.bySignal.set(signal, fetches);
    return fetches;
  }
}
