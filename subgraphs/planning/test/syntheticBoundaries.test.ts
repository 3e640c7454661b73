import { createSyntheticCity, Random } from '@cswb/subgraph-kit/synthetic';
import { geometryArea, polygonsOf, Position, signedRingArea, syntheticBoundaries } from '@cswb/subgraph-planning';
import { containsPoint } from './support/containsPoint';
import { expectTiling } from './support/expectTiling';

describe.each(['small', 'city'] as const)('synthetic boundaries of the %s city', (size) => {
  const city = createSyntheticCity(size, 7);
  const boundaries = syntheticBoundaries(city);
  const areas = [city.municipality, ...city.wards, ...city.neighbourhoods];

  it('gives every area one closed, counter-clockwise polygon on the lake shore, the same for the same seed', () => {
    expect([...boundaries.keys()].sort()).toEqual(areas.map((a) => a.id).sort());
    for (const geometry of boundaries.values()) {
      const [ring] = polygonsOf(geometry)[0];
      expect(ring[ring.length - 1]).toEqual(ring[0]);
      expect(signedRingArea(ring)).toBeGreaterThan(0);
      for (const [lon, lat] of ring) {
        expect(lon).toBeGreaterThan(-79.5);
        expect(lon).toBeLessThan(-78.8);
        expect(lat).toBeGreaterThan(43.7);
        expect(lat).toBeLessThan(44.1);
      }
    }
    expect(syntheticBoundaries(createSyntheticCity(size, 7))).toEqual(boundaries);
    expect(syntheticBoundaries(createSyntheticCity(size, 8)).get(city.wards[0].id)).not.toEqual(boundaries.get(city.wards[0].id));
  });

  it('tiles exactly: the neighbourhoods add up to their ward, the wards to the municipality', () => {
    expectTiling(city, boundaries);
    const sizes = city.neighbourhoods.map((n) => geometryArea(boundaries.get(n.id)!));
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeGreaterThan(1.5);
  });

  it('puts every point of the municipality in exactly one ward and one neighbourhood of that ward', () => {
    const random = new Random(42);
    const ring = polygonsOf(boundaries.get(city.municipality.id)!)[0][0];
    const [west, east] = [Math.min(...ring.map((p) => p[0])), Math.max(...ring.map((p) => p[0]))];
    const [south, north] = [Math.min(...ring.map((p) => p[1])), Math.max(...ring.map((p) => p[1]))];
    let inside = 0;
    for (let i = 0; i < 2000; i++) {
      const point: Position = [west + random.next() * (east - west), south + random.next() * (north - south)];
      const wards = city.wards.filter((w) => containsPoint(boundaries.get(w.id)!, point));
      const neighbourhoods = city.neighbourhoods.filter((n) => containsPoint(boundaries.get(n.id)!, point));
      const inMunicipality = containsPoint(boundaries.get(city.municipality.id)!, point);
      expect([wards.length, neighbourhoods.length]).toEqual(inMunicipality ? [1, 1] : [0, 0]);
      if (inMunicipality) expect(neighbourhoods[0].parentId).toBe(wards[0].id);
      inside += Number(inMunicipality);
    }
    expect(inside).toBeGreaterThan(1900);
  });
});

it('draws the benchmarks\' region (1,000 neighbourhoods in 10 wards) as exactly', () => {
  const region = createSyntheticCity('region', 7);
  const boundaries = syntheticBoundaries(region);
  expect(boundaries.size).toBe(1011);
  expectTiling(region, boundaries);
});
