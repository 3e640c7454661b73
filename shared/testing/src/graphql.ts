import { postAsGateway, SubgraphTarget } from './trust';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * A GraphQL POST: to a URL (the gateway) as a client, or to a subgraph as the gateway would send
 * it (client certificate and signed assertion for the caller of `headers.authorization`).
 */
export async function graphql<T = any>(
  target: string | SubgraphTarget,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const body = JSON.stringify({ query, variables });
  if (typeof target !== 'string') {
    const response = await postAsGateway(target, body, headers);
    return { ...(JSON.parse(response.body) as GraphQLResponse<T>), status: response.status };
  }
  const response = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const parsed = (await response.json()) as GraphQLResponse<T>;
  return { ...parsed, status: response.status };
}
