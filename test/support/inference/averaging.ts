import type { BookCell, CellBook } from './CellBook';
import type { Relation } from './relations';

/** One unbiased estimate of a true count and its variance. */
export interface Estimate {
  value: number;
  variance: number;
}

/** Every relation a cell takes part in, by key. */
export function relationsByCell(relations: readonly Relation[]): Map<string, Relation[]> {
  const byCell = new Map<string, Relation[]>();
  for (const relation of relations) {
    for (const key of [relation.parent, ...relation.children]) byCell.set(key, [...(byCell.get(key) ?? []), relation]);
  }
  return byCell;
}

/** The sum of published figures and of their noise variances; null when one of them is not published. */
function publishedSum(book: CellBook, keys: readonly string[], varianceOf: (cell: BookCell) => number): Estimate | null {
  let value = 0;
  let variance = 0;
  for (const key of keys) {
    const cell = book.get(key);
    if (cell.published === null) return null;
    value += cell.published;
    variance += varianceOf(cell);
  }
  return { value, variance };
}

/**
 * Every route to a cell the published figures give: the figure itself, the sum of its published
 * parts in each relation where it is the whole, and the whole minus the other parts in each
 * relation where it is a part. Each is unbiased: the p-table's noise has mean 0.
 */
export function routeEstimates(key: string, book: CellBook, relations: readonly Relation[], varianceOf: (cell: BookCell) => number): Estimate[] {
  const estimates: Estimate[] = [];
  const own = publishedSum(book, [key], varianceOf);
  if (own) estimates.push(own);
  for (const relation of relations) {
    if (relation.parent === key) {
      const parts = publishedSum(book, relation.children, varianceOf);
      if (parts) estimates.push(parts);
      continue;
    }
    const whole = publishedSum(book, [relation.parent], varianceOf);
    const others = publishedSum(book, relation.children.filter((child) => child !== key), varianceOf);
    if (whole && others) estimates.push({ value: whole.value - others.value, variance: whole.variance + others.variance });
  }
  return estimates;
}

/** The inverse-variance weighted mean of the estimates, rounded to a count; null without any. */
export function combine(estimates: readonly Estimate[]): number | null {
  if (estimates.length === 0) return null;
  let weights = 0;
  let sum = 0;
  for (const { value, variance } of estimates) {
    const weight = 1 / Math.max(variance, 1e-9);
    weights += weight;
    sum += weight * value;
  }
  return Math.max(0, Math.round(sum / weights));
}

/** Hits within ±1 of the truth for the best single guess in 1 … T − 1, for cells sharing one T. */
export function bestGuessHits(truths: readonly number[], smallest: number): { guess: number; hits: number } {
  let best = { guess: 1, hits: -1 };
  for (let guess = 1; guess < smallest; guess++) {
    const hits = truths.filter((truth) => Math.abs(truth - guess) <= 1).length;
    if (hits > best.hits) best = { guess, hits };
  }
  return best;
}
