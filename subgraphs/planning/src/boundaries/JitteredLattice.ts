import type { Random } from '@cswb/subgraph-kit/synthetic';
import type { Position, Ring } from '../geometry/Geometry';
import type { CellRectangle } from './guillotinePartition';

/** How far a lattice node moves, in cells: enough to look drawn by hand, too little for edges to cross. */
const NODE_JITTER = 0.3;
/** Points along each lattice edge, and how far they bend it, in cells. */
const EDGE_STEPS = 4;
const EDGE_BEND = 0.08;

/**
 * A grid of cells whose nodes and edges are jittered once: any rectangle of cells gets a ring
 * walked along these very positions, so rectangles that share a side share its points exactly
 * and tile without gap or overlap. Positions are lon/lat, rounded to 6 decimals (about 0.1 m).
 */
export class JitteredLattice {
  private readonly nodes: Position[][] = [];
  /** Points strictly between node (i, j) and node (i + 1, j). */
  private readonly eastward: Position[][][] = [];
  /** Points strictly between node (i, j) and node (i, j + 1). */
  private readonly northward: Position[][][] = [];

  constructor(
    readonly columns: number,
    readonly rows: number,
    private readonly toLonLat: (x: number, y: number) => Position,
    random: Random,
  ) {
    const jitter = (amount: number) => (random.next() * 2 - 1) * amount;
    const grid: [number, number][][] = [];
    for (let i = 0; i <= columns; i++) {
      grid.push([]);
      for (let j = 0; j <= rows; j++) {
        // Nodes on the outline move only along it, so the municipality keeps its shape.
        grid[i].push([i + (i === 0 || i === columns ? 0 : jitter(NODE_JITTER)), j + (j === 0 || j === rows ? 0 : jitter(NODE_JITTER))]);
      }
    }
    const bend = (a: [number, number], b: [number, number]): Position[] => {
      const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
      return Array.from({ length: EDGE_STEPS - 1 }, (_, s) => {
        const t = (s + 1) / EDGE_STEPS;
        const offset = jitter(EDGE_BEND);
        return this.toLonLat(a[0] + t * dx - offset * dy, a[1] + t * dy + offset * dx);
      });
    };
    for (let i = 0; i <= columns; i++) {
      this.nodes.push(grid[i].map(([x, y]) => this.toLonLat(x, y)));
      this.eastward.push(grid[i].map((node, j) => (i < columns ? bend(node, grid[i + 1][j]) : [])));
      this.northward.push(grid[i].map((node, j) => (j < rows ? bend(node, grid[i][j + 1]) : [])));
    }
  }

  /** The closed, counter-clockwise ring around the cells. */
  ring({ left, right, bottom, top }: CellRectangle): Ring {
    const ring: Position[] = [];
    for (let i = left; i < right; i++) ring.push(this.nodes[i][bottom], ...this.eastward[i][bottom]);
    for (let j = bottom; j < top; j++) ring.push(this.nodes[right][j], ...this.northward[right][j]);
    for (let i = right; i > left; i--) ring.push(this.nodes[i][top], ...[...this.eastward[i - 1][top]].reverse());
    for (let j = top; j > bottom; j--) ring.push(this.nodes[left][j], ...[...this.northward[left][j - 1]].reverse());
    ring.push(this.nodes[left][bottom]);
    return ring;
  }
}
