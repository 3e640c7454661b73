import { Kind, parse } from 'graphql';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/**
 * The subgraphs named in a supergraph (`join__Graph` values with `@join__graph`), with
 * their URLs; `overrides` (from `<NAME>_URL`) replace the composed ones.
 */
export function subgraphEndpoints(supergraphSdl: string, overrides: Record<string, string> = {}): SubgraphEndpoint[] {
  const document = parse(supergraphSdl);
  const endpoints: SubgraphEndpoint[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const directive = value.directives?.find((d) => d.name.value === 'join__graph');
      const argument = (name: string) => {
        const arg = directive?.arguments?.find((a) => a.name.value === name);
        return arg?.value.kind === Kind.STRING ? arg.value.value : undefined;
      };
      const name = argument('name');
      const url = argument('url');
      if (name && url) endpoints.push({ name, url: overrides[name] ?? url });
    }
  }
  return endpoints;
}
