/**
 * Every count the attacker could learn about, one entry per set of units counted: the key
 * `sector|measure|region|period` names the cell, whichever query shape published it. A cell
 * holds what the planner was shown (null: withheld, or never published on its own) and the exact
 * value an analyst sees, kept apart so that the attack reads only the published side.
 */
export interface BookCell {
  key: string;
  /** The smallest published count of the measure (T). */
  smallest: number;
  published: number | null;
  exact: number | null;
  /** A helper unknown of a relation (e.g. the calls of every other type): no figure of its own, never a cell to protect. */
  hidden: boolean;
}

export class CellBook {
  readonly cells = new Map<string, BookCell>();
  /** Routes that published one cell with two values: each must be empty. */
  readonly inconsistentPublished: string[] = [];
  readonly inconsistentExact: string[] = [];

  private cell(key: string, smallest: number): BookCell {
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { key, smallest, published: null, exact: null, hidden: false }));
    return cell;
  }

  /** A figure as the planner saw it through one route; null for a withheld one. */
  publish(key: string, smallest: number, value: number | null): void {
    const cell = this.cell(key, smallest);
    if (value === null) return;
    if (cell.published !== null && cell.published !== value) this.inconsistentPublished.push(`${key}: ${cell.published} and ${value}`);
    cell.published ??= value;
  }

  /** The exact value of a cell, from an analyst allowed to see it. */
  know(key: string, smallest: number, value: number): void {
    const cell = this.cell(key, smallest);
    if (cell.exact !== null && Math.abs(cell.exact - value) > 1e-6) this.inconsistentExact.push(`${key}: ${cell.exact} and ${value}`);
    cell.exact ??= value;
  }

  /** A helper unknown whose exact value follows from a relation. */
  hide(key: string, smallest: number, exact: number): void {
    const cell = this.cell(key, smallest);
    cell.hidden = true;
    cell.exact = exact;
  }

  has(key: string): boolean {
    return this.cells.has(key);
  }

  get(key: string): BookCell {
    const cell = this.cells.get(key);
    if (!cell) throw new Error(`no cell ${key}`);
    return cell;
  }

  /** The true count the perturbation started from (stocks and apportioned counts are rounded first). */
  truth(key: string): number {
    const exact = this.get(key).exact;
    if (exact === null) throw new Error(`no exact value for ${key}`);
    return Math.round(exact);
  }

  /** Cells with a true count of 1 … T − 1: the ones no route may give back. */
  smallCells(): BookCell[] {
    return [...this.cells.values()].filter((c) => !c.hidden && c.exact !== null && Math.round(c.exact) >= 1 && Math.round(c.exact) < c.smallest);
  }
}

export const cellKey = (sector: string, measure: string, region: string, period: string) => `${sector}|${measure}|${region}|${period}`;
