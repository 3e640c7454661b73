import type { SyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { AreaGeometry, geometryArea } from '@cswb/subgraph-planning';

/** Expects the areas to add up: each ward's neighbourhoods to the ward, the wards to the municipality. */
export function expectTiling(city: SyntheticCity, geometries: ReadonlyMap<string, AreaGeometry>): void {
  const area = (id: string) => geometryArea(geometries.get(id)!);
  for (const ward of city.wards) {
    const sum = city.neighbourhoods.filter((n) => n.parentId === ward.id).reduce((total, n) => total + area(n.id), 0);
    expect(sum).toBeCloseTo(area(ward.id), 12);
  }
  expect(city.wards.reduce((total, w) => total + area(w.id), 0)).toBeCloseTo(area(city.municipality.id), 12);
}
