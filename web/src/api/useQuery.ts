import { useEffect, useState } from 'preact/hooks';
import type { TypedDocumentString } from '../gql/graphql';
import { useSession } from '../app/session';
import { type ApiError, type ApiResult, documentIdOf, execute } from './client';

export type QueryState<TResult> =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'done'; data: TResult | null; errors: ApiError[] };

const cache = new Map<string, Promise<ApiResult<unknown>>>();
const CACHE_LIMIT = 100;

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
    request.then(
      (result) => current && setState({ key, value: { status: 'done', data: result.data, errors: result.errors } }),
      (error: Error) => current && setState({ key, value: { status: 'failed', message: error.message } }),
    );
    return () => {
      current = false;
    };
  }, [key, options.skip]);
  return state.key === key ? state.value : { status: 'loading' };
}
