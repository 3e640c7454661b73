import { useEffect, useState } from 'preact/hooks';
import type { TypedDocumentString } from '../gql/graphql';
import { useSession } from '../app/session';
import { createStore, useStore } from '../app/store';
import { type ApiError, type ApiResult, documentIdOf, execute } from './client';

export type QueryState<TResult> =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'done'; data: TResult | null; errors: ApiError[] };

const cache = new Map<string, Promise<ApiResult<unknown>>>();
const CACHE_LIMIT = 100;

const inFlight = createStore(0);

/** Requests the page is still waiting for: the app marks its main region busy until they are in (tests and benchmarks wait for that). */
export function useRequestsInFlight(): number {
  return useStore(inFlight);
}

function track<T>(request: Promise<T>): Promise<T> {
  inFlight.set(inFlight.get() + 1);
  const settle = () => inFlight.set(inFlight.get() - 1);
  request.then(settle, settle);
  return request;
}

/** Forgets every answer (on sign-in or sign-out: another viewer may see other figures). */
export function clearQueryCache(): void {
  cache.clear();
}

/**
 * Runs a persisted document for the signed-in viewer and re-runs it when its variables change;
 * identical requests share one answer. `skip` holds it back until its inputs are chosen.
 */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: { skip?: boolean } = {},
): QueryState<TResult> {
  const { token } = useSession();
  const key = `${documentIdOf(document)}|${token ?? ''}|${JSON.stringify(variables)}`;
  const [state, setState] = useState<{ key: string; value: QueryState<TResult> }>({ key, value: { status: 'loading' } });
  useEffect(() => {
    if (options.skip) return;
    let current = true;
    let request = cache.get(key) as Promise<ApiResult<TResult>> | undefined;
    if (!request) {
      request = execute(document, variables, { token });
      cache.set(key, request);
      if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      request.catch(() => cache.delete(key));
    }
    setState((previous) => (previous.key === key ? previous : { key, value: { status: 'loading' } }));
    track(request).then(
      (result) => current && setState({ key, value: { status: 'done', data: result.data, errors: result.errors } }),
      (error: Error) => current && setState({ key, value: { status: 'failed', message: error.message } }),
    );
    return () => {
      current = false;
    };
  }, [key, options.skip]);
  return state.key === key ? state.value : { status: 'loading' };
}
