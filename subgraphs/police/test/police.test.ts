import { subgraph } from '@cswb/subgraph-police';
import { smallCity } from '@cswb/testing/expected';
import { analystHeaders } from '@cswb/testing/analyst';
import { graphql } from '@cswb/testing/graphql';
import { startTestSubgraph, TestSubgraph } from '@cswb/testing/subgraph';

const { city, occurrences, calls } = smallCity();
let police: TestSubgraph;
/** Record-level rights in every sector: the exact values these tests compare. */
let analyst: Record<string, string>;

beforeAll(async () => {
  analyst = await analystHeaders();
  police = await startTestSubgraph(subgraph);
});
afterAll(async () => {
  await police?.stop();
});

const ENTITIES = `
  query ($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!, $g: Granularity!) {
    _entities(representations: $r) {
      ... on Area {
        id
        police {
          indicators(from: $from, to: $to, granularity: $g) {
            indicator { id }
            observations { areaId period { label } value numerator denominator }
          }
        }
      }
    }
  }`;

/** An area as the gateway sends it: the key only (population and neighbourhoods come from the subgraph's own registry). */
function representation(area: { id: string }) {
  return { __typename: 'Area', id: area.id };
}

describe('police subgraph', () => {
  it('computes monthly indicators from its records for the areas the gateway sends', async () => {
    const area = city.neighbourhoods[5];
    const response = await graphql(police, ENTITIES, { r: [representation(area)], from: '2024-01-01', to: '2024-12-31', g: 'MONTH' }, analyst);
    expect(response.errors).toBeUndefined();
    const series = response.data._entities[0].police.indicators;
    const property = series.find((s: any) => s.indicator.id === 'police.property_crime_rate');
    expect(property.observations).toHaveLength(12);
    const march = occurrences.filter((o) => o.areaId === area.id && o.category === 'PROPERTY' && o.occurredOn.startsWith('2024-03')).length;
    expect(property.observations[2]).toEqual({
      areaId: area.id,
      period: { label: '2024-03' },
      value: Math.round((march / area.population) * 1e6) / 1e3,
      numerator: march,
      denominator: area.population,
    });
    const callsSeries = series.find((s: any) => s.indicator.id === 'police.calls_for_service_rate');
    const allCalls2024 = calls.filter((c) => c.areaId === area.id && c.receivedOn.startsWith('2024-')).length;
    expect(callsSeries.observations.reduce((sum: number, o: any) => sum + o.numerator, 0)).toBe(allCalls2024);
  });

  it('answers many areas with one SQL statement for their measures', async () => {
    const representations = city.neighbourhoods.map((n) => representation(n));
    police.counter.reset();
    const response = await graphql(police, ENTITIES, { r: representations, from: '2021-01-01', to: '2024-12-31', g: 'QUARTER' });
    expect(response.errors).toBeUndefined();
    expect(response.data._entities).toHaveLength(city.neighbourhoods.length);
    // The areas from the registry, then the measures of all of them.
    expect(police.counter.count).toBe(2);
  });

  it('filters indicators by id and framework area', async () => {
    const area = city.neighbourhoods[0];
    const response = await graphql(
      police,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Area { police {
          byId: indicators(from: "2024-01-01", to: "2024-12-31", ids: ["police.mha_apprehensions"]) { indicator { id } }
          prevention: indicators(from: "2024-01-01", to: "2024-12-31", frameworkArea: PREVENTION) { indicator { id } }
      } } } }`,
      { r: [representation(area)] },
    );
    expect(response.data._entities[0].police.byId).toEqual([{ indicator: { id: 'police.mha_apprehensions' } }]);
    expect(response.data._entities[0].police.prevention).toEqual([]);
  });

  it('rejects malformed dates before touching the database', async () => {
    police.counter.reset();
    const literal = await graphql(police, `{ policeCallsForService(areaId: "x", from: "2024-13-01", to: "2024-12-31") { callNumber } }`);
    expect(literal.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const variable = await graphql(
      police,
      'query ($from: LocalDate!) { policeCallsForService(areaId: "x", from: $from, to: "2024-12-31") { callNumber } }',
      { from: '2024-13-01' },
    );
    expect(variable.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(police.counter.count).toBe(0);
  });
});
