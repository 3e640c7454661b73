import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';
import { sectorNames } from '@cswb/subgraph-kit/sector';
import { analystHeaders } from '@cswb/testing/analyst';
import { graphql } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack('sqlcount');
});
afterAll(async () => {
  await stack?.stop();
});

const PROFILE_QUERY = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'queries', 'all-areas-profile.graphql'), 'utf8');
/** The sectors with indicators that the documented profile asks for (a new sector joins it with its docs). */
const sectors = discoverSubgraphs()
  .filter((s) => s.definition.indicators?.length)
  .map((s) => s.definition.name)
  .filter((name) => new RegExp(`\\b${sectorNames(name).fieldName}\\s*\\{`).test(PROFILE_QUERY));

/** SQL statements each subgraph ran to answer the query, and how many areas it returned. */
async function statementsFor(kind: string | null): Promise<{ areas: number; perSubgraph: Record<string, number> }> {
  for (const counter of Object.values(stack.counters)) counter.reset();
  const response = await graphql(stack.gateway.url, PROFILE_QUERY, { kind, from: '2021-01-01', to: '2024-12-31', granularity: 'QUARTER' });
  expect(response.errors).toBeUndefined();
  return {
    areas: response.data.areas.length,
    perSubgraph: Object.fromEntries(Object.entries(stack.counters).map(([name, counter]) => [name, counter.count])),
  };
}

describe('SQL statements per request', () => {
  it('stay the same whether the all-sector profile covers 4 wards, 24 neighbourhoods or every area', async () => {
    const wards = await statementsFor('WARD');
    const neighbourhoods = await statementsFor('NEIGHBOURHOOD');
    const everything = await statementsFor(null);

    expect([wards.areas, neighbourhoods.areas, everything.areas]).toEqual([4, 24, 29]);
    expect(neighbourhoods.perSubgraph).toEqual(wards.perSubgraph);
    expect(everything.perSubgraph).toEqual(wards.perSubgraph);
    expect(sectors.length).toBeGreaterThan(1);
    for (const sector of sectors) {
      // Every sector reads every area from its registry with one statement, and their indicators with another.
      expect({ sector, statements: wards.perSubgraph[sector] }).toEqual({ sector, statements: 2 });
    }
    // Planning: the areas, then the neighbourhood sets the sectors require.
    expect(wards.perSubgraph.planning).toBeLessThanOrEqual(2);
  });

  it('stay constant for record-level lists on every area too', async () => {
    const query = `query ($kind: AreaKind) { areas(kind: $kind) { id
      education { schools { schoolNumber } }
      housing { shelters { shelterCode } }
      socialServices { services { programCode } }
    } }`;
    const counts = [];
    for (const kind of ['WARD', 'NEIGHBOURHOOD']) {
      for (const counter of Object.values(stack.counters)) counter.reset();
      const response = await graphql(stack.gateway.url, query, { kind }, await analystHeaders());
      expect(response.errors).toBeUndefined();
      counts.push(Object.fromEntries(Object.entries(stack.counters).map(([name, counter]) => [name, counter.count])));
    }
    expect(counts[1]).toEqual(counts[0]);
  });
});
