import { GraphQLSchema, isObjectType } from 'graphql';
import { discoverSubgraphs } from '@cswb/cli';
import { ANONYMOUS, Caller, PURPOSES, type Purpose } from '@cswb/contract/auth';
import { ErrorCode } from '@cswb/contract/errors';
import { subgraphSchema } from '@cswb/subgraph-kit/server';
import { committedSupergraph, FieldRule, protectedFieldsOf } from './supergraphChecks';

/**
 * A router that enforces nothing still gets nothing more from a subgraph: every field the
 * supergraph protects is protected again, with the same rule, by each subgraph that resolves it
 * (docs/rust-routers.md, "What stays in the subgraphs"). Checked on each subgraph's real
 * executable schema, calling the field's resolver as the callers a router could assert.
 */

interface SubgraphRules {
  schema: GraphQLSchema;
  declared: Map<string, { authenticated: boolean; scopes: readonly (readonly (readonly string[])[])[]; policies: readonly (readonly (readonly string[])[])[] }>;
}

const normalise = (groups: readonly (readonly (readonly string[])[])[]) => JSON.stringify(groups.map((g) => g.map((and) => [...and].sort()).sort()).sort());

function caller(scopes: string[], purpose: Purpose | null): Caller {
  return { anonymous: false, subject: 'router-check', agency: 'lakeshore-municipality', sector: null, scopes, purpose };
}

/** What the subgraph does when the field is asked for by `who`: refused by its access rule, or let through to the resolver. */
async function outcome(schema: GraphQLSchema, coordinate: string, who: Caller): Promise<'refused' | 'resolved'> {
  const [typeName, fieldName] = coordinate.split('.');
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${coordinate}: no such type in the subgraph`);
  const field = type.getFields()[fieldName];
  if (!field?.resolve) throw new Error(`${coordinate}: the subgraph has no resolver of its own for it`);
  try {
    // No database in this context: a resolver the rule lets through fails on its first use of it.
    await field.resolve({}, {}, { caller: who }, undefined as never);
  } catch (error) {
    if ((error as { extensions?: { code?: string } }).extensions?.code === ErrorCode.UNAUTHORIZED_FIELD_OR_TYPE) return 'refused';
  }
  return 'resolved';
}

/** Why a subgraph would answer a router more than the supergraph's rules allow. */
async function enforcementProblems(rules: readonly FieldRule[], subgraphs: ReadonlyMap<string, SubgraphRules>): Promise<string[]> {
  const everyScope = [...new Set(rules.flatMap((r) => r.scopes.flat(2)))];
  const problems: string[] = [];
  for (const rule of rules) {
    if (rule.resolvedBy.length === 0) problems.push(`${rule.coordinate}: no subgraph resolves it`);
    const ruleScopes = new Set(rule.scopes.flat(2));
    const rulePolicies = new Set(rule.policies.flat(2));
    const otherPurpose = PURPOSES.find((p) => !rulePolicies.has(`purpose:${p}`)) ?? null;
    const neededScopes = [...new Set(rule.scopes.flatMap((groups) => groups[0] ?? []))];
    const neededPurpose = (rule.policies.map((groups) => groups.find((g) => g.length === 1)?.[0]).find(Boolean)?.replace(/^purpose:/, '') ?? 'evaluation') as Purpose;
    for (const name of rule.resolvedBy) {
      const subgraph = subgraphs.get(name);
      if (!subgraph) {
        problems.push(`${rule.coordinate}: resolved by "${name}", which the hub does not run`);
        continue;
      }
      const declared = subgraph.declared.get(rule.coordinate);
      if (!declared) {
        problems.push(`${rule.coordinate}: ${name} does not protect it`);
        continue;
      }
      if (declared.authenticated !== rule.authenticated || normalise(declared.scopes) !== normalise(rule.scopes) || normalise(declared.policies) !== normalise(rule.policies)) {
        problems.push(`${rule.coordinate}: ${name} declares another rule than the supergraph`);
      }
      const expectations: [string, Caller, 'refused' | 'resolved'][] = [
        ['an anonymous caller', ANONYMOUS, 'refused'],
        ['a caller with every other scope', caller(everyScope.filter((s) => !ruleScopes.has(s)), otherPurpose ?? 'evaluation'), 'refused'],
        ['a caller with the scopes it needs', caller(neededScopes, neededPurpose), 'resolved'],
      ];
      if (rule.policies.length > 0) expectations.push(['a caller with the scopes but another purpose', caller(neededScopes, otherPurpose), 'refused']);
      for (const [who, identity, expected] of expectations) {
        const actual = await outcome(subgraph.schema, rule.coordinate, identity);
        if (actual !== expected) problems.push(`${rule.coordinate}: ${name} ${actual} it for ${who}`);
      }
    }
  }
  return problems;
}

describe('what stays in the subgraphs behind a Rust router', () => {
  let subgraphs: Map<string, SubgraphRules>;
  beforeAll(async () => {
    subgraphs = new Map();
    for (const { definition } of discoverSubgraphs()) {
      const built = await subgraphSchema(definition);
      subgraphs.set(definition.name, { schema: built.schema, declared: new Map(built.protectedFields.map((f) => [f.coordinate, f.requirements])) });
    }
  });

  it('every field the supergraph protects is protected, with the same rule, by each subgraph that resolves it', async () => {
    const rules = protectedFieldsOf(committedSupergraph());
    expect(rules.length).toBeGreaterThanOrEqual(20);
    expect(rules.map((r) => r.coordinate)).toEqual(expect.arrayContaining(['Query.policeOccurrences', 'Query.situationTableDiscussions', 'HousingShelter.occupancy', 'Mutation.createPlan']));
    expect(await enforcementProblems(rules, subgraphs)).toEqual([]);
  });

  it('finds a field the supergraph protects that its subgraph does not', async () => {
    // A rule only the router knows of (as if the subgraph's schema had lost it since composition).
    const line = '\n  areas(kind: AreaKind): [Area!]! @join__field(graph: PLANNING)';
    expect(committedSupergraph()).toContain(line);
    const broken = committedSupergraph().replace(line, `${line} @requiresScopes(scopes: [["aggregates:read"]])`);
    const areas = protectedFieldsOf(broken).find((r) => r.coordinate === 'Query.areas');
    expect(areas).toMatchObject({ scopes: [[['aggregates:read']]], resolvedBy: ['planning'] });
    expect(await enforcementProblems([areas!], subgraphs)).toEqual([expect.stringContaining('Query.areas: planning does not protect it')]);
  });

  it('finds a subgraph whose rule is weaker than the supergraph\'s', async () => {
    const police = protectedFieldsOf(committedSupergraph()).find((r) => r.coordinate === 'Query.policeOccurrences')!;
    const stricter = { ...police, scopes: [[['records:read:police', 'audit:read']]] };
    const problems = await enforcementProblems([stricter], subgraphs);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('police declares another rule than the supergraph')]));
  });
});
