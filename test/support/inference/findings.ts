import { perturbationTableFor } from '@cswb/subgraph-kit/privacy';
import { bestGuessHits, combine, relationsByCell, routeEstimates } from './averaging';
import type { BookCell, CellBook } from './CellBook';
import { Interval, propagate, truthsBehind, UNKNOWN } from './intervals';
import type { Relation } from './relations';

/** What the attacker knows of each cell before combining: the p-table's support behind each published figure. */
export function publishedBounds(book: CellBook): Map<string, Interval> {
  const bounds = new Map<string, Interval>();
  for (const cell of book.cells.values()) {
    bounds.set(cell.key, cell.published === null ? { ...UNKNOWN } : truthsBehind(perturbationTableFor(cell.smallest), cell.published));
  }
  return bounds;
}

/** Interval propagation over every relation, from the published figures. */
export function attackBounds(book: CellBook, relations: readonly Relation[]): Map<string, Interval> {
  return propagate(publishedBounds(book), relations);
}

/** Cells whose true count lies outside the bounds: the model of the attack is wrong if any. */
export function unsoundBounds(book: CellBook, bounds: ReadonlyMap<string, Interval>): string[] {
  return [...book.cells.values()]
    .filter((cell) => cell.exact !== null && !Number.isNaN(cell.exact))
    .filter((cell) => {
      const { lo, hi } = bounds.get(cell.key)!;
      const truth = Math.round(cell.exact!);
      return truth < lo || truth > hi;
    })
    .map((cell) => `${cell.key}: true ${Math.round(cell.exact!)}, bounds ${JSON.stringify(bounds.get(cell.key))}`);
}

/** Small cells (1 ≤ true < T) the bounds pin to one value. */
export function pinnedSmallCells(book: CellBook, bounds: ReadonlyMap<string, Interval>): string[] {
  return book
    .smallCells()
    .filter((cell) => bounds.get(cell.key)!.lo === bounds.get(cell.key)!.hi)
    .map((cell) => `${cell.key}: true ${Math.round(cell.exact!)}, published ${cell.published}`);
}

/** How many small cells end with each interval width (hi − lo; "unbounded" when hi is infinite). */
export function widthHistogram(book: CellBook, bounds: ReadonlyMap<string, Interval>): Record<string, number> {
  const histogram: Record<string, number> = {};
  for (const cell of book.smallCells()) {
    const { lo, hi } = bounds.get(cell.key)!;
    const width = hi === Infinity ? 'unbounded' : String(hi - lo);
    histogram[width] = (histogram[width] ?? 0) + 1;
  }
  return histogram;
}

/** The noise variance of the p-table's last row, the one every count beyond the small ones takes: what the attacker weights by. */
export function noiseVariance(cell: BookCell): number {
  const rows = perturbationTableFor(cell.smallest).rows;
  const last = rows[rows.length - 1];
  return last.noise.reduce((sum, v, i) => sum + last.probability[i] * v * v, 0);
}

export interface AveragingResult {
  /** Small cells with at least one route (a published figure, or a relation whose other terms are all published). */
  smallCells: number;
  /** Of those, cells with more than one route. */
  withSeveralRoutes: number;
  /** Cells whose combined estimate, rounded, lands within ±1 of the truth. */
  attackHits: number;
  /** The same when the attacker also knows the cell is small and its propagated bounds: the estimate clamped to both. */
  informedAttackHits: number;
  /** The best constant guess per T (one for all T = 5 cells, one for T = 10) on the same cells. */
  guessHits: number;
  guesses: Record<number, number>;
}

const clamp = (value: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, value));

/** Averages every route to each small cell, and scores it against the best constant guess. */
export function averagingAttack(book: CellBook, relations: readonly Relation[], bounds: ReadonlyMap<string, Interval>): AveragingResult {
  const byCell = relationsByCell(relations);
  const result = { smallCells: 0, withSeveralRoutes: 0, attackHits: 0, informedAttackHits: 0 };
  const truthsByT = new Map<number, number[]>();
  const near = (estimate: number, truth: number) => Math.abs(estimate - truth) <= 1;
  for (const cell of book.smallCells()) {
    const estimates = routeEstimates(cell.key, book, byCell.get(cell.key) ?? [], noiseVariance);
    const estimate = combine(estimates);
    if (estimate === null) continue;
    const truth = Math.round(cell.exact!);
    const { lo, hi } = bounds.get(cell.key)!;
    result.smallCells++;
    if (estimates.length > 1) result.withSeveralRoutes++;
    if (near(estimate, truth)) result.attackHits++;
    if (near(clamp(estimate, Math.max(1, lo), Math.min(cell.smallest - 1, hi)), truth)) result.informedAttackHits++;
    truthsByT.set(cell.smallest, [...(truthsByT.get(cell.smallest) ?? []), truth]);
  }
  let guessHits = 0;
  const guesses: Record<number, number> = {};
  for (const [smallest, truths] of truthsByT) {
    const best = bestGuessHits(truths, smallest);
    guessHits += best.hits;
    guesses[smallest] = best.guess;
  }
  return { ...result, guessHits, guesses };
}
