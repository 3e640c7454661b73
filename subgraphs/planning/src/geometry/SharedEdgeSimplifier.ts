import type { AreaGeometry, Position, Ring } from './Geometry';
import { polygonsOf, withPolygons } from './Geometry';
import { simplifyLine } from './simplifyLine';

const keyOf = (p: Position) => `${p[0]},${p[1]}`;
/** The same key for a segment whichever way it is walked. */
const segmentKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Simplifies a set of area boundaries without opening gaps between neighbours: the rings are cut
 * into arcs at their junctions (where the set of rings along the boundary changes), and each arc
 * is simplified once, in one canonical direction, so every ring that shares it gets the same points.
 * Two rings touch only where they share positions exactly (as the seeded and most published
 * boundaries do); the junctions are always kept.
 */
export class SharedEdgeSimplifier {
  private readonly junctions = new Set<string>();
  private readonly byTolerance = new Map<number, Map<string, AreaGeometry>>();

  constructor(private readonly geometries: ReadonlyMap<string, AreaGeometry>) {
    const neighbours = new Map<string, Set<string>>();
    const ringsAlong = new Map<string, string[]>();
    const rings = [...geometries.values()].flatMap((geometry) => polygonsOf(geometry).flat());
    rings.forEach((ring, index) => {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [a, b] = [keyOf(ring[i]), keyOf(ring[i + 1])];
        if (!neighbours.has(a)) neighbours.set(a, new Set());
        if (!neighbours.has(b)) neighbours.set(b, new Set());
        neighbours.get(a)!.add(b);
        neighbours.get(b)!.add(a);
        const segment = segmentKey(a, b);
        const along = ringsAlong.get(segment);
        if (along) along.push(String(index));
        else ringsAlong.set(segment, [String(index)]);
      }
    });
    for (const [point, around] of neighbours) if (around.size !== 2) this.junctions.add(point);
    const ringsOfSegment = (a: Position, b: Position) => (ringsAlong.get(segmentKey(keyOf(a), keyOf(b))) ?? []).join();
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const previous = ring[i === 0 ? ring.length - 2 : i - 1];
        if (ringsOfSegment(previous, ring[i]) !== ringsOfSegment(ring[i], ring[i + 1])) this.junctions.add(keyOf(ring[i]));
      }
    }
  }

  /** Every geometry, simplified to within `tolerance` (in degrees); computed once per tolerance. */
  simplified(tolerance: number): ReadonlyMap<string, AreaGeometry> {
    if (tolerance <= 0) return this.geometries;
    let result = this.byTolerance.get(tolerance);
    if (!result) {
      const arcs = new Map<string, Position[]>();
      result = new Map(
        [...this.geometries].map(([id, geometry]) => [
          id,
          withPolygons(
            geometry,
            polygonsOf(geometry).map((rings) => rings.map((ring) => this.simplifyRing(ring, tolerance, arcs))),
          ),
        ]),
      );
      this.byTolerance.set(tolerance, result);
    }
    return result;
  }

  private simplifyRing(ring: Ring, tolerance: number, arcs: Map<string, Position[]>): Ring {
    const open = ring.slice(0, -1);
    let starts = open.map((p, i) => (this.junctions.has(keyOf(p)) ? i : -1)).filter((i) => i >= 0);
    // A ring no other ring touches: it starts at its least position, the same whichever way it was written.
    if (!starts.length) starts = [open.reduce((least, p, i) => (keyOf(p) < keyOf(open[least]) ? i : least), 0)];
    const simplified: Position[] = [];
    starts.forEach((start, n) => {
      const end = n + 1 < starts.length ? starts[n + 1] : starts[0] + open.length;
      const arc = Array.from({ length: end - start + 1 }, (_, i) => open[(start + i) % open.length]);
      simplified.push(...this.simplifyArc(arc, tolerance, arcs).slice(0, -1));
    });
    simplified.push(simplified[0]);
    // Too few positions left for a ring (a small island at a low zoom): the ring as it is.
    return new Set(simplified.map(keyOf)).size >= 3 ? simplified : ring;
  }

  /** The arc simplified in its canonical direction, so that both rings along it get the same points. */
  private simplifyArc(arc: Position[], tolerance: number, arcs: Map<string, Position[]>): Position[] {
    const forward = arc.map(keyOf).join(' ');
    const backward = [...arc].reverse().map(keyOf).join(' ');
    const reversed = backward < forward;
    const canonical = reversed ? backward : forward;
    let points = arcs.get(canonical);
    if (!points) {
      const line = reversed ? [...arc].reverse() : arc;
      points = keyOf(line[0]) === keyOf(line[line.length - 1]) ? simplifyLoop(line, tolerance) : simplifyLine(line, tolerance);
      arcs.set(canonical, points);
    }
    return reversed ? [...points].reverse() : points;
  }
}

/** A closed arc: split at its point farthest from the start, each half simplified. */
function simplifyLoop(loop: Position[], tolerance: number): Position[] {
  const [x, y] = loop[0];
  const farthest = loop.reduce((best, p, i) => (Math.hypot(p[0] - x, p[1] - y) > Math.hypot(loop[best][0] - x, loop[best][1] - y) ? i : best), 0);
  return [...simplifyLine(loop.slice(0, farthest + 1), tolerance), ...simplifyLine(loop.slice(farthest), tolerance).slice(1)];
}
