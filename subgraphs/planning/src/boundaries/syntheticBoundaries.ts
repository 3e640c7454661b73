import { Random, SyntheticCity } from '@cswb/subgraph-kit/synthetic';
import type { AreaGeometry, Position } from '../geometry/Geometry';
import { CellRectangle, guillotinePartition } from './guillotinePartition';
import { JitteredLattice } from './JitteredLattice';

/** The municipality's south-west corner, on Lake Ontario's north shore. */
const SOUTH_WEST: Position = [-79.21, 43.79];
const CELL_KM = 0.8;
const KM_PER_DEGREE_LATITUDE = 110.57;
const KM_PER_DEGREE_LONGITUDE = 111.32 * Math.cos((SOUTH_WEST[1] * Math.PI) / 180);

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const toLonLat = (x: number, y: number): Position => [
  round6(SOUTH_WEST[0] + (x * CELL_KM) / KM_PER_DEGREE_LONGITUDE),
  round6(SOUTH_WEST[1] + (y * CELL_KM) / KM_PER_DEGREE_LATITUDE),
];

/**
 * Boundaries for the synthetic city, the same for the same seed: the wards lie in rows across the
 * municipality's rectangle, each split into its neighbourhoods, all drawn on one jittered lattice
 * so that neighbourhoods tile their ward exactly and wards tile the municipality.
 */
export function syntheticBoundaries(city: SyntheticCity): Map<string, AreaGeometry> {
  const neighbourhoodsOf = new Map(city.wards.map((ward) => [ward.id, city.neighbourhoods.filter((n) => n.parentId === ward.id)]));
  const mostNeighbourhoods = Math.max(...[...neighbourhoodsOf.values()].map((list) => list.length));
  // Cells per ward side: enough for its neighbourhoods, with room for them to differ in size.
  const wardSide = Math.ceil(Math.sqrt(mostNeighbourhoods)) + 1;
  const wardRows = Math.max(1, Math.round(Math.sqrt(city.wards.length)));
  const widestRow = Math.ceil(city.wards.length / wardRows);
  const random = Random.forStream(city.seed, 'boundaries', city.wards.length, city.neighbourhoods.length);
  const lattice = new JitteredLattice(widestRow * wardSide, wardRows * wardSide, toLonLat, random);

  const polygon = (cells: CellRectangle): AreaGeometry => ({ type: 'Polygon', coordinates: [lattice.ring(cells)] });
  const boundaries = new Map<string, AreaGeometry>([[city.municipality.id, polygon({ left: 0, right: lattice.columns, bottom: 0, top: lattice.rows })]]);
  let next = 0;
  for (let row = 0; row < wardRows; row++) {
    // Rows from the north; the first rows take the remainder, each row spans the whole width.
    const inRow = Math.floor(city.wards.length / wardRows) + (row < city.wards.length % wardRows ? 1 : 0);
    const top = lattice.rows - row * wardSide;
    for (let w = 0; w < inRow; w++) {
      const ward = city.wards[next++];
      const cells = { left: Math.round((lattice.columns * w) / inRow), right: Math.round((lattice.columns * (w + 1)) / inRow), bottom: top - wardSide, top };
      boundaries.set(ward.id, polygon(cells));
      const neighbourhoods = neighbourhoodsOf.get(ward.id)!;
      guillotinePartition(cells, neighbourhoods.length, () => random.next()).forEach((part, n) => boundaries.set(neighbourhoods[n].id, polygon(part)));
    }
  }
  return boundaries;
}
