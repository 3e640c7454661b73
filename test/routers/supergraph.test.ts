import { discoverSubgraphs } from '@cswb/cli';
import { ROUTER_SUPPORTED_SUPERGRAPH_FEATURES } from '@apollo/federation-internals';
import {
  APOLLO_ROUTER_SPECS,
  apolloRouterProblems,
  committedSubgraphSdl,
  committedSupergraph,
  composeCommitted,
  documentsToPlan,
  planningProblems,
  routerCompatibilityProblems,
  subgraphNamesOf,
} from './supergraphChecks';

/**
 * The supergraph a Rust router would be given (docs/rust-routers.md): composed from the
 * committed subgraph schemas, loadable by Apollo Router and Hive Router with its access rules,
 * and every documented query and web app document planned by Hive Router's query planner.
 */

const subgraphs = discoverSubgraphs().map(({ definition, dir }) => ({
  name: definition.name,
  url: `http://localhost:${definition.defaultPort}/graphql`,
  sdl: committedSubgraphSdl(dir),
}));

describe('the supergraph the Rust routers serve', () => {
  it('composes from the committed subgraph schemas into the committed supergraph', () => {
    const composed = composeCommitted(subgraphs);
    expect(composed.errors).toEqual([]);
    expect(composed.supergraph).toBe(committedSupergraph());
  });

  it('differs from what composition makes when a subgraph schema changes (the comparison can fail)', () => {
    const withoutRule = subgraphs.map((s) =>
      s.name === 'police' ? { ...s, sdl: s.sdl.replace(/ @requiresScopes\(scopes: \[\["records:read:police"\]\]\)/, '') } : s,
    );
    expect(withoutRule.find((s) => s.name === 'police')!.sdl).not.toBe(subgraphs.find((s) => s.name === 'police')!.sdl);
    expect(composeCommitted(withoutRule).supergraph).not.toBe(committedSupergraph());
  });

  it('links only specs and purposes Apollo Router and Hive Router support, access rules included', () => {
    expect(routerCompatibilityProblems(committedSupergraph())).toEqual([]);
    // The access rules are there to be enforced: both specs are linked for SECURITY.
    expect(committedSupergraph()).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)');
    expect(committedSupergraph()).toContain('@link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)');
  });

  it('lists the specs Apollo Router supports as Apollo\'s own JavaScript check does', () => {
    const javascript = [...ROUTER_SUPPORTED_SUPERGRAPH_FEATURES].filter((url) => !url.startsWith('https://specs.apollo.dev/connect/'));
    expect([...APOLLO_ROUTER_SPECS].sort()).toEqual(javascript.sort());
  });

  it('is loaded and planned by Apollo\'s own check for Apollo Router, which refuses a spec version it does not know', () => {
    const documents = documentsToPlan();
    expect(apolloRouterProblems(committedSupergraph(), documents)).toEqual([]);
    const broken = committedSupergraph().replace('https://specs.apollo.dev/policy/v0.1', 'https://specs.apollo.dev/policy/v0.2');
    expect(apolloRouterProblems(broken, documents)).toEqual([expect.stringContaining('Apollo Router would refuse the supergraph')]);
  });

  it.each([
    ['a spec version Apollo Router does not know', (s: string) => s.replace('https://specs.apollo.dev/join/v0.4', 'https://specs.apollo.dev/join/v0.9'), 'join/v0.9 is linked for: EXECUTION'],
    ['an unknown SECURITY spec', (s: string) => s.replace('@link(url: "https://specs.apollo.dev/link/v1.0")', '@link(url: "https://specs.apollo.dev/link/v1.0")\n  @link(url: "https://example.org/redact/v1.0", for: SECURITY)'), 'redact/v1.0 is linked for: SECURITY'],
    ['@requiresScopes used without its link', (s: string) => s.replace(/\n\s*@link\(url: "https:\/\/specs\.apollo\.dev\/requiresScopes\/v0\.1", for: SECURITY\)/, ''), '@requiresScopes is used but'],
    ['@policy linked without for: SECURITY', (s: string) => s.replace('"https://specs.apollo.dev/policy/v0.1", for: SECURITY', '"https://specs.apollo.dev/policy/v0.1"'), 'must be linked for: SECURITY'],
    ['@requiresScopes renamed', (s: string) => s.replace('"https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY', '"https://specs.apollo.dev/requiresScopes/v0.1", as: "scopes", for: SECURITY'), 'Hive Router reads the directive by its name'],
  ])('is found wanting with %s', (_what, breakIt, problem) => {
    const broken = breakIt(committedSupergraph());
    expect(broken).not.toBe(committedSupergraph());
    expect(routerCompatibilityProblems(broken).join('\n')).toContain(problem);
  });

  it('plans every documented query and every web app document with Hive Router\'s query planner', () => {
    const documents = documentsToPlan();
    expect(documents.size).toBeGreaterThanOrEqual(12 + 10);
    expect(planningProblems(committedSupergraph(), documents)).toEqual([]);
    // Every subgraph the hub runs is in the supergraph the routers load.
    expect(subgraphNamesOf(committedSupergraph()).sort()).toEqual(subgraphs.map((s) => s.name).sort());
  });

  it('reports a document the planner cannot plan against the supergraph', () => {
    const documents = new Map([['a field no subgraph has', '{ areas { id noSuchField } }']]);
    expect(planningProblems(committedSupergraph(), documents)).toEqual([expect.stringContaining('noSuchField')]);
    // A field renamed in the supergraph breaks the documents that ask for it.
    const withoutPopulation = committedSupergraph().replace('\n  population: Int! @join__field(graph: PLANNING)', '\n  residents: Int! @join__field(graph: PLANNING)');
    expect(withoutPopulation).not.toBe(committedSupergraph());
    expect(planningProblems(withoutPopulation, documentsToPlan()).length).toBeGreaterThan(0);
  });
});
