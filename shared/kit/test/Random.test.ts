import { createSyntheticCity, Random } from '@cswb/subgraph-kit/synthetic';

describe('Random', () => {
  it('repeats the same sequence for the same seed and stream, and differs across streams', () => {
    const a = Random.forStream(7, 'police', 'n001');
    const b = Random.forStream(7, 'police', 'n001');
    const c = Random.forStream(7, 'health', 'n001');
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('draws Poisson counts with the requested mean', () => {
    const random = new Random(42);
    for (const mean of [0.5, 4, 120]) {
      const draws = Array.from({ length: 20_000 }, () => random.poisson(mean));
      const average = draws.reduce((s, d) => s + d, 0) / draws.length;
      expect(Math.abs(average - mean) / mean).toBeLessThan(0.03);
    }
  });
});

describe('createSyntheticCity', () => {
  it('builds the same city for the same seed, a different one for another seed', () => {
    expect(createSyntheticCity('small', 1)).toEqual(createSyntheticCity('small', 1));
    expect(createSyntheticCity('small', 2).neighbourhoods[0]).not.toEqual(createSyntheticCity('small', 1).neighbourhoods[0]);
  });

  it('nests neighbourhoods in wards in the municipality with consistent populations', () => {
    const city = createSyntheticCity('city', 3);
    expect(city.neighbourhoods.length).toBeGreaterThanOrEqual(150);
    expect(city.years).toHaveLength(10);
    for (const ward of city.wards) {
      const members = city.neighbourhoods.filter((n) => n.parentId === ward.id);
      expect(members.length).toBeGreaterThan(0);
      expect(members.reduce((s, n) => s + n.population, 0)).toBe(ward.population);
    }
    expect(city.wards.reduce((s, w) => s + w.population, 0)).toBe(city.municipality.population);
    expect(new Set(city.neighbourhoods.map((n) => n.name)).size).toBe(city.neighbourhoods.length);
  });
});
