import { FrameworkArea } from '@cswb/subgraph-kit/vocabulary';
import { generateSocialServicesRecords, SERVICE_GAP_THRESHOLD, SERVICES_FOR_RISK } from '@cswb/subgraph-social-services';
import { collect, smallSyntheticCity } from '@cswb/testing/expected';
import { graphql } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';

const city = smallSyntheticCity();
const { programs } = collect(generateSocialServicesRecords(city));
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack('assetmap');
});
afterAll(async () => {
  await stack?.stop();
});

const QUERY = `{
  plans(status: PUBLISHED) {
    priorityRisks {
      id category areaIds neighbourhoodIds
      serviceCoverage { areaId frameworkArea services gap }
      serviceGaps { areaId frameworkArea services }
    }
  }
}`;

describe('asset map against the plan: service coverage and gaps per priority risk', () => {
  it("counts, for each priority risk's neighbourhoods, the programs answering the risk per framework area, as the seed has them", async () => {
    const response = await graphql(stack.gateway.url, QUERY);
    expect(response.errors).toBeUndefined();
    const risks = response.data.plans.flatMap((p: any) => p.priorityRisks);
    expect(risks.length).toBeGreaterThanOrEqual(3);
    let gaps = 0;
    for (const risk of risks) {
      const expectedNeighbourhoods = city.neighbourhoods
        .filter((n) => risk.areaIds.includes(n.id) || risk.areaIds.includes(n.parentId) || risk.areaIds.includes(city.municipality.id))
        .map((n) => n.id)
        .sort();
      expect(risk.neighbourhoodIds).toEqual(expectedNeighbourhoods);
      const answers = new Set<string>(SERVICES_FOR_RISK[risk.category as keyof typeof SERVICES_FOR_RISK]);
      const expected = expectedNeighbourhoods.flatMap((areaId) =>
        Object.values(FrameworkArea).map((frameworkArea) => {
          const services = programs.filter((p) => p.areaIds.includes(areaId) && p.frameworkArea === frameworkArea && p.categories.some((c) => answers.has(c))).length;
          return { areaId, frameworkArea, services, gap: services < SERVICE_GAP_THRESHOLD };
        }),
      );
      expect(risk.serviceCoverage).toEqual(expected);
      expect(risk.serviceGaps).toEqual(expected.filter((c) => c.gap).map(({ areaId, frameworkArea, services }) => ({ areaId, frameworkArea, services })));
      gaps += risk.serviceGaps.length;
    }
    expect(gaps).toBeGreaterThan(0);
  });

  it('answers every risk of the plan with one SQL statement in the social-services subgraph (after one checking their neighbourhoods)', async () => {
    // The question was answered above: computed afresh here, not from the subgraph's response cache.
    for (const subgraph of stack.subgraphs) subgraph.responseCache?.clear();
    stack.counters['social-services'].reset();
    const response = await graphql(stack.gateway.url, QUERY);
    expect(response.errors).toBeUndefined();
    // The risks' neighbourhoods checked against the registry, then the coverage of all of them.
    expect(stack.counters['social-services'].count).toBe(2);
  });
});
