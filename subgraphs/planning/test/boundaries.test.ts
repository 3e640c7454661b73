import { readSeed } from '@cswb/contract/config';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { SharedEdgeSimplifier, subgraph, syntheticBoundaries, zoomTolerance } from '@cswb/subgraph-planning';
import { graphql } from '@cswb/testing/graphql';
import { startTestSubgraph, TestSubgraph } from '@cswb/testing/subgraph';

const city = createSyntheticCity('small', readSeed({}));
const seeded = syntheticBoundaries(city);
let planning: TestSubgraph;

beforeAll(async () => {
  planning = await startTestSubgraph(subgraph);
});
afterAll(async () => {
  await planning?.stop();
});

describe('Area.boundary', () => {
  it('serves the seeded boundary as stored without a zoom, simplified alike for every area with one', async () => {
    const response = await graphql(planning, '{ areas { id full: boundary zoomed: boundary(zoom: 11) } }');
    expect(response.errors).toBeUndefined();
    const simplified = new SharedEdgeSimplifier(seeded).simplified(zoomTolerance(11));
    expect(response.data.areas).toEqual(
      [...seeded.keys()].sort().map((id) => ({ id, full: seeded.get(id), zoomed: simplified.get(id) })),
    );
  });

  it('costs one statement per request once the boundaries are cached: whether they changed', async () => {
    await graphql(planning, '{ areas { boundary(zoom: 12) } }');
    planning.counter.reset();
    const response = await graphql(planning, '{ areas { boundary(zoom: 12) } area(id: "lakeshore") { boundary(zoom: 9) } }');
    expect(response.errors).toBeUndefined();
    // The areas, the one area, and the boundaries' version.
    expect(planning.counter.count).toBe(3);
  });

  it('serves a changed boundary on the next request, and null for an area without one', async () => {
    const id = city.neighbourhoods[0].id;
    const owner = await planning.ownerDb();
    const square = { type: 'Polygon', coordinates: [[[-79.2, 43.8], [-79.1, 43.8], [-79.1, 43.9], [-79.2, 43.8]]] };
    await owner.query('UPDATE area_boundary SET geometry = $2, changed_at = now() WHERE area_id = $1', [id, JSON.stringify(square)]);
    const changed = await graphql(planning, `{ area(id: "${id}") { boundary } }`);
    expect(changed.data.area.boundary).toEqual(square);
    await owner.query('DELETE FROM area_boundary WHERE area_id = $1', [id]);
    const removed = await graphql(planning, `{ area(id: "${id}") { boundary(zoom: 10) } }`);
    expect(removed.data.area.boundary).toBeNull();
    await owner.query('INSERT INTO area_boundary (area_id, geometry) VALUES ($1, $2)', [id, JSON.stringify(seeded.get(id))]);
  });

  it('refuses a zoom outside 0 to 24', async () => {
    const response = await graphql(planning, '{ area(id: "lakeshore") { boundary(zoom: 25) } }');
    expect(response.errors?.[0]).toMatchObject({ message: 'zoom must be from 0 to 24, got 25', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
