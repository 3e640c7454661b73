import type { TypedDocumentString } from '../gql/graphql';

/** One GraphQL error as the hub reports it: a message and a registry code. */
export interface ApiError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface ApiResult<TResult> {
  /** Partial when some fields were withheld: their errors say why. */
  data: TResult | null;
  errors: ApiError[];
}

/** A request the hub did not answer with GraphQL (network down, 5xx): shown as such, never as data. */
export class ApiUnavailableError extends Error {
  constructor(readonly status: number) {
    super(`the hub did not answer (HTTP ${status})`);
  }
}

/** The sha256 id of a persisted document, as GraphQL Code Generator recorded it. */
export function documentIdOf(document: TypedDocumentString<any, any>): string {
  const hash = (document as unknown as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('a document without a persisted hash: run npm run codegen -w web');
  return hash;
}

/**
 * Runs a persisted document through the gateway's public endpoint, exactly as any dashboard
 * would: its hash and variables, with the viewer's token when signed in.
 */
export async function execute<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: { token?: string; signal?: AbortSignal } = {},
): Promise<ApiResult<TResult>> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ documentId: documentIdOf(document), variables }),
    signal: options.signal,
  });
  let body: { data?: TResult | null; errors?: ApiError[] } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  if (!body || (body.data == null && !body.errors)) throw new ApiUnavailableError(response.status);
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

let manifest: Promise<Record<string, string>> | undefined;

/** The text of a persisted document, for "the query behind this view" (fetched once, on demand). */
export async function documentText(document: TypedDocumentString<any, any>): Promise<string> {
  manifest ??= fetch('/persisted-documents.json').then((r) => (r.ok ? (r.json() as Promise<Record<string, string>>) : {}));
  return (await manifest)[documentIdOf(document)] ?? '';
}
