import { readSeed } from '@cswb/contract/config';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { subgraph } from '@cswb/subgraph-planning';
import { graphql } from '@cswb/testing/graphql';
import { startTestSubgraph, TestSubgraph } from '@cswb/testing/subgraph';

const city = createSyntheticCity('small', readSeed({}));
let planning: TestSubgraph;

beforeAll(async () => {
  planning = await startTestSubgraph(subgraph);
});
afterAll(async () => {
  await planning?.stop();
});

describe('planning subgraph', () => {
  it('lists the seeded areas by kind, with names and populations', async () => {
    const response = await graphql(planning, '{ areas(kind: WARD) { id name kind population parent { id } } }');
    expect(response.data.areas).toEqual(
      city.wards.map((w) => ({ id: w.id, name: w.name, kind: 'WARD', population: w.population, parent: { id: city.municipality.id } })),
    );
  });

  it('gives each area the neighbourhoods it covers', async () => {
    const ward = city.wards[0];
    const response = await graphql(planning, `{ area(id: "${ward.id}") { children { id } neighbourhoodIds } municipality: area(id: "lakeshore") { neighbourhoodIds } }`);
    const expected = city.neighbourhoods.filter((n) => n.parentId === ward.id).map((n) => n.id);
    expect(response.data.area.children.map((c: any) => c.id)).toEqual(expected);
    expect(response.data.area.neighbourhoodIds).toEqual(expected);
    expect(response.data.municipality.neighbourhoodIds).toHaveLength(city.neighbourhoods.length);
  });

  it('resolves Area references for other subgraphs in one SQL statement, null with NOT_FOUND for unknown ids', async () => {
    const representations = [...city.neighbourhoods.slice(0, 10).map((n) => ({ __typename: 'Area', id: n.id })), { __typename: 'Area', id: 'nowhere' }];
    planning.counter.reset();
    const response = await graphql(
      planning,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Area { id name population } } }',
      { r: representations },
    );
    expect(response.data._entities).toEqual([
      ...city.neighbourhoods.slice(0, 10).map((n) => ({ id: n.id, name: n.name, population: n.population })),
      null,
    ]);
    expect(response.errors).toEqual([expect.objectContaining({ path: ['_entities', 10], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
    expect(planning.counter.count).toBe(1);
  });

  it('answers an unknown area with null and NOT_FOUND', async () => {
    const response = await graphql(planning, '{ area(id: "atlantis") { id } }');
    expect(response.data).toEqual({ area: null });
    expect(response.errors?.[0]).toMatchObject({ message: 'Area "atlantis" does not exist', extensions: { code: 'NOT_FOUND' } });
    expect(response.errors?.[0].extensions).not.toHaveProperty('stacktrace');
  });

  it('rejects an unknown area kind as a validation error', async () => {
    const response = await graphql(planning, '{ areas(kind: COUNTY) { id } }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
