/**
 * The committed supergraph as `@apollo/gateway` accepts it. It refuses a supergraph whose
 * `@link`s are `for: SECURITY` (`UNSUPPORTED_LINKED_FEATURE`: `@requiresScopes`, `@policy`,
 * `@authenticated` need GraphOS Enterprise); with only the purpose removed the links stay
 * and it loads, enforcing none of them. Other links are kept as they are.
 */
export function stripSecurityLinks(supergraphSdl: string): string {
  return supergraphSdl.replace(/(@link\(\s*url:\s*"[^"]*")\s*,\s*for:\s*SECURITY\s*\)/g, '$1)');
}

/** The name of every subgraph of the supergraph's `join__Graph` enum. */
export function joinGraphNames(supergraphSdl: string): string[] {
  return [...supergraphSdl.matchAll(/@join__graph\(name:\s*"([^"]+)"/g)].map((m) => m[1]);
}
