import { graphql } from './support/graphql';
import { startTestStack, TestStack } from './support/stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack('sqlcount');
});
afterAll(async () => {
  await stack?.stop();
});

const PROFILE_QUERY = `
  query Profiles($kind: AreaKind) {
    areas(kind: $kind) {
      id
      name
      parent { name }
      children { id }
      police {
        indicators(from: "2021-01-01", to: "2024-12-31", granularity: QUARTER) {
          indicator { id }
          observations { value }
        }
      }
    }
  }`;

/** SQL statements each subgraph ran to answer the query, and how many areas it returned. */
async function statementsFor(kind: string | null): Promise<{ areas: number; perSubgraph: Record<string, number> }> {
  for (const counter of Object.values(stack.counters)) counter.reset();
  const response = await graphql(stack.gateway.url, PROFILE_QUERY, { kind });
  expect(response.errors).toBeUndefined();
  return {
    areas: response.data.areas.length,
    perSubgraph: Object.fromEntries(Object.entries(stack.counters).map(([name, counter]) => [name, counter.count])),
  };
}

describe('SQL statements per request', () => {
  it('stay the same whether the query covers 4 wards, 24 neighbourhoods or every area', async () => {
    const wards = await statementsFor('WARD');
    const neighbourhoods = await statementsFor('NEIGHBOURHOOD');
    const everything = await statementsFor(null);

    expect(wards.areas).toBe(4);
    expect(neighbourhoods.areas).toBe(24);
    expect(everything.areas).toBe(29);
    expect(neighbourhoods.perSubgraph).toEqual(wards.perSubgraph);
    expect(everything.perSubgraph).toEqual(wards.perSubgraph);
    // The police subgraph answers every area's profile with a single statement.
    expect(wards.perSubgraph.police).toBe(1);
    // Planning: areas, parents, children and the neighbourhood sets, one statement each.
    expect(wards.perSubgraph.planning).toBeLessThanOrEqual(5);
  });
});
