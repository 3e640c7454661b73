import type { AreaGeometry, Ring } from './Geometry';
import { polygonsOf } from './Geometry';

/** Signed planar area of a closed ring (shoelace): positive when counter-clockwise. */
export function signedRingArea(ring: Ring): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return twice / 2;
}

/** Planar area of a geometry in square degrees: exteriors less holes. */
export function geometryArea(geometry: AreaGeometry): number {
  return polygonsOf(geometry).reduce(
    (sum, [exterior, ...holes]) => sum + Math.abs(signedRingArea(exterior)) - holes.reduce((h, hole) => h + Math.abs(signedRingArea(hole)), 0),
    0,
  );
}
