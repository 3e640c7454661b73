import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { AreaGeometry, polygonsOf, Position, SharedEdgeSimplifier, simplifyLine, syntheticBoundaries, zoomTolerance } from '@cswb/subgraph-planning';
import { expectTiling } from './support/expectTiling';

const city = createSyntheticCity('city', 1);
const boundaries = syntheticBoundaries(city);
const simplifier = new SharedEdgeSimplifier(boundaries);
const ZOOMS = [6, 8, 10, 11, 12, 13, 14, 16];

const positions = (geometries: ReadonlyMap<string, AreaGeometry>) => [...geometries.values()].reduce((sum, g) => sum + polygonsOf(g).flat(2).length, 0);
const key = ([x, y]: Position) => `${x},${y}`;
/** The undirected segments of an area's rings, as keys. */
const segments = (geometry: AreaGeometry) =>
  polygonsOf(geometry)
    .flat()
    .flatMap((ring) => ring.slice(1).map((p, i) => [key(ring[i]), key(p)].sort().join('|')));

describe('simplifyLine (Douglas–Peucker)', () => {
  const line: Position[] = Array.from({ length: 50 }, (_, i) => [i, Math.sin(i / 3) * 4 + (i % 2) * 0.3]);

  it('keeps both ends and drops points within the tolerance', () => {
    const simplified = simplifyLine(line, 0.5);
    expect(simplified[0]).toEqual(line[0]);
    expect(simplified[simplified.length - 1]).toEqual(line[line.length - 1]);
    expect(simplified.length).toBeLessThan(line.length);
    expect(simplifyLine(line, 0)).toEqual(line);
    expect(simplifyLine(line, 100)).toEqual([line[0], line[line.length - 1]]);
  });

  it('keeps fewer points the larger the tolerance', () => {
    const counts = [0.01, 0.1, 0.3, 1, 3, 10].map((tolerance) => simplifyLine(line, tolerance).length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe('SharedEdgeSimplifier', () => {
  it('keeps every ring closed and a ring (at least 4 positions) at every zoom', () => {
    for (const zoom of ZOOMS) {
      for (const geometry of simplifier.simplified(zoomTolerance(zoom)).values()) {
        for (const ring of polygonsOf(geometry).flat()) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[ring.length - 1]).toEqual(ring[0]);
        }
      }
    }
  });

  it('keeps fewer positions the lower the zoom, and the stored boundaries when there is none', () => {
    const counts = ZOOMS.map((zoom) => positions(simplifier.simplified(zoomTolerance(zoom))));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts[0]).toBeLessThan(positions(boundaries) / 3);
    expect(simplifier.simplified(zoomTolerance(null))).toBe(boundaries);
    expect(simplifier.simplified(zoomTolerance(12))).toBe(simplifier.simplified(zoomTolerance(12)));
  });

  it('simplifies a shared edge alike on both sides: every neighbourhood edge is another neighbourhood\'s or its ward\'s', () => {
    for (const zoom of [8, 12]) {
      const simplified = simplifier.simplified(zoomTolerance(zoom));
      for (const ward of city.wards) {
        const wardEdges = new Set(segments(simplified.get(ward.id)!));
        const uses = new Map<string, number>();
        for (const n of city.neighbourhoods.filter((n) => n.parentId === ward.id)) {
          for (const segment of segments(simplified.get(n.id)!)) uses.set(segment, (uses.get(segment) ?? 0) + 1);
        }
        for (const [segment, count] of uses) expect(count === 2 || (count === 1 && wardEdges.has(segment))).toBe(true);
        // The ward's outline is exactly the neighbourhoods' edges used once.
        expect([...uses].filter(([, count]) => count === 1).length).toBe(wardEdges.size);
      }
    }
  });

  it('leaves no gap between simplified neighbours: areas still add up, neighbourhoods to their ward, wards to the city', () => {
    const simplified = simplifier.simplified(zoomTolerance(10));
    expectTiling(city, simplified);
  });

  it('simplifies a ring no other ring touches the same whichever way round it is written', () => {
    const ring: Position[] = Array.from({ length: 40 }, (_, i) => [Math.cos((i / 40) * 2 * Math.PI) * (1 + (i % 3) * 0.01), Math.sin((i / 40) * 2 * Math.PI)]);
    const closed = [...ring, ring[0]];
    const reversed = [...closed].reverse();
    const one = new SharedEdgeSimplifier(new Map([['a', { type: 'Polygon', coordinates: [closed] }]])).simplified(0.05).get('a')!;
    const other = new SharedEdgeSimplifier(new Map([['a', { type: 'Polygon', coordinates: [reversed] }]])).simplified(0.05).get('a')!;
    const ringOf = (g: AreaGeometry) => polygonsOf(g)[0][0];
    expect(ringOf(one).length).toBeLessThan(closed.length);
    expect(new Set(ringOf(one).map(key))).toEqual(new Set(ringOf(other).map(key)));
  });
});
