import { AreaGeometry, polygonsOf, Position, Ring } from '@cswb/subgraph-planning';

/** Even–odd rule: whether the point lies inside the ring (points on an edge may go either way). */
function ringContains(ring: Ring, [x, y]: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether the point lies inside the geometry: inside an exterior ring and outside its holes. */
export function containsPoint(geometry: AreaGeometry, point: Position): boolean {
  return polygonsOf(geometry).some(([exterior, ...holes]) => ringContains(exterior, point) && !holes.some((hole) => ringContains(hole, point)));
}
