import { readSeed } from '@cswb/contract/config';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { SharedEdgeSimplifier, syntheticBoundaries, zoomTolerance } from '@cswb/subgraph-planning';
import { graphql } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';

const city = createSyntheticCity('small', readSeed({}));
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack('boundaries');
});
afterAll(async () => {
  await stack?.stop();
});

describe('Area.boundary through the gateway', () => {
  it('is public: an anonymous caller gets every ward\'s simplified boundary', async () => {
    const response = await graphql(stack.gateway.url, '{ areas(kind: WARD) { id name boundary(zoom: 10) } }');
    expect(response.errors).toBeUndefined();
    const simplified = new SharedEdgeSimplifier(syntheticBoundaries(city)).simplified(zoomTolerance(10));
    expect(response.data.areas.map((a: { id: string; boundary: unknown }) => [a.id, a.boundary])).toEqual(city.wards.map((w) => [w.id, simplified.get(w.id)]));
  });
});
