import type { IndicatorSpec } from '@cswb/subgraph-kit/vocabulary';
import { percentile } from './measure';

/**
 * The utility figures of `cswb bench --only privacy-utility` (docs/privacy.md): published counts
 * against exact ones, computed from what callers read through the gateway.
 */

/** One observation of one indicator, area and period, as one caller read it. */
export interface ObservationRead {
  indicatorId: string;
  areaId: string;
  label: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  perturbed: boolean;
  suppressed: boolean;
}

/** What one caller read: observations by `indicator|area|period label`. */
export type ProfileRead = Map<string, ObservationRead>;

export interface AreaRead {
  id: string;
  parentId: string | null;
}

export const observationKey = (indicatorId: string, areaId: string, label: string) => `${indicatorId}|${areaId}|${label}`;

/** One count (a numerator or a count denominator) of one measure, area and period: published (null when withheld) and exact. */
export interface CountCell {
  sector: string;
  measure: string;
  areaId: string;
  label: string;
  published: number | null;
  exact: number;
}

/** The exact observation: the first of the callers with record-level rights who sees it unperturbed. */
export function exactObservation(exactReads: readonly ProfileRead[], key: string): ObservationRead | undefined {
  for (const read of exactReads) {
    const observation = read.get(key);
    if (observation && !observation.perturbed && !observation.suppressed) return observation;
  }
  return undefined;
}

/**
 * Every count the published read holds, once per measure (a measure shared by several indicators
 * is one count), beside its exact value. An area whose exact value no caller sees (rows held by
 * several agencies: no agency's analyst sees them all) gets the sum of its child areas' exact values.
 */
export function countCells(specs: readonly IndicatorSpec[], areas: readonly AreaRead[], published: ProfileRead, exactReads: readonly ProfileRead[]): CountCell[] {
  const specOf = new Map(specs.map((spec) => [spec.definition.id, spec]));
  const childrenOf = new Map<string, string[]>();
  for (const area of areas) if (area.parentId) childrenOf.set(area.parentId, [...(childrenOf.get(area.parentId) ?? []), area.id]);
  const exactCount = (indicatorId: string, field: 'numerator' | 'denominator', areaId: string, label: string): number => {
    const observation = exactObservation(exactReads, observationKey(indicatorId, areaId, label));
    if (observation) return observation[field] ?? 0;
    const children = childrenOf.get(areaId);
    if (!children) throw new Error(`no exact ${field} of ${indicatorId} for ${areaId} ${label}: no analyst sees it, and the area has no parts read`);
    return children.reduce((sum, child) => sum + exactCount(indicatorId, field, child, label), 0);
  };

  const cells = new Map<string, CountCell>();
  for (const observation of published.values()) {
    const spec = specOf.get(observation.indicatorId);
    if (!spec) throw new Error(`unknown indicator ${observation.indicatorId}`);
    const counts: ['numerator' | 'denominator', string][] = [['numerator', spec.numerator]];
    if (spec.denominator && spec.denominator !== 'population') counts.push(['denominator', spec.denominator.measure]);
    for (const [field, measure] of counts) {
      const key = `${spec.definition.sector}|${measure}|${observation.areaId}|${observation.label}`;
      if (cells.has(key)) continue;
      cells.set(key, {
        sector: spec.definition.sector,
        measure,
        areaId: observation.areaId,
        label: observation.label,
        published: observation.suppressed ? null : observation[field],
        exact: exactCount(observation.indicatorId, field, observation.areaId, observation.label),
      });
    }
  }
  return [...cells.values()];
}

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const share = (part: number, whole: number) => (whole > 0 ? part / whole : NaN);

/** |published − exact| / exact of the published cells with exact > 0. */
export function relativeErrors(cells: readonly CountCell[]): number[] {
  return cells.filter((c) => c.published !== null && c.exact > 0).map((c) => Math.abs(c.published! - c.exact) / c.exact);
}

export interface ErrorFigures {
  /** Cells with exact > 0, published. */
  cells: number;
  /** The median exact count of those cells. */
  medianExact: number;
  median: number;
  p95: number;
  /** Share of those cells with a relative error under 1%. */
  underOnePercent: number;
}

export function errorFigures(cells: readonly CountCell[]): ErrorFigures {
  const errors = sorted(relativeErrors(cells));
  const exact = sorted(cells.filter((c) => c.published !== null && c.exact > 0).map((c) => c.exact));
  return { cells: errors.length, medianExact: percentile(exact, 50), median: percentile(errors, 50), p95: percentile(errors, 95), underOnePercent: share(errors.filter((e) => e < 0.01).length, errors.length) };
}

/** The largest |published − exact count rounded| over the published cells (stocks are averages: rounded before noise). */
export function maxNoise(cells: readonly CountCell[]): number {
  return cells.reduce((max, c) => (c.published === null ? max : Math.max(max, Math.abs(c.published - Math.round(c.exact)))), 0);
}

export interface FineCellFigures {
  cells: number;
  /** Withheld for every caller without record rights (areas too small for monthly figures). */
  withheld: number;
  /** Share of the published cells whose value differs from the exact one. */
  changed: number;
  /** Exact non-zero, published 0: count and share of the published cells with exact > 0. */
  falseZeros: number;
  falseZeroShare: number;
  /** Exact 0, published non-zero: count and share of the published cells with exact 0. */
  falseNonZeros: number;
  falseNonZeroShare: number;
}

export function fineCellFigures(cells: readonly CountCell[]): FineCellFigures {
  const published = cells.filter((c) => c.published !== null);
  const nonZero = published.filter((c) => c.exact > 0);
  const zero = published.filter((c) => c.exact === 0);
  const falseZeros = nonZero.filter((c) => c.published === 0).length;
  const falseNonZeros = zero.filter((c) => c.published !== 0).length;
  return {
    cells: cells.length,
    withheld: cells.length - published.length,
    changed: share(published.filter((c) => c.published !== c.exact).length, published.length),
    falseZeros,
    falseZeroShare: share(falseZeros, nonZero.length),
    falseNonZeros,
    falseNonZeroShare: share(falseNonZeros, zero.length),
  };
}

export interface AdditivityFigures {
  totals: number;
  /** |published total − Σ published parts|, in counts. */
  medianGap: number;
  p95Gap: number;
  /** The same gap over the exact total. */
  medianRelativeGap: number;
}

/** How far each published total (e.g. the city's year) lies from the sum of its published parts (its wards' years). */
export function additivityFigures(totals: readonly CountCell[], parts: readonly CountCell[]): AdditivityFigures {
  const sums = new Map<string, number>();
  for (const part of parts) {
    const key = `${part.sector}|${part.measure}|${part.label}`;
    sums.set(key, (sums.get(key) ?? 0) + (part.published ?? NaN));
  }
  const gaps: number[] = [];
  const relative: number[] = [];
  for (const total of totals) {
    const sum = sums.get(`${total.sector}|${total.measure}|${total.label}`);
    if (total.published === null || sum === undefined || Number.isNaN(sum)) continue;
    gaps.push(Math.abs(total.published - sum));
    if (total.exact > 0) relative.push(Math.abs(total.published - sum) / total.exact);
  }
  const sortedGaps = sorted(gaps);
  return { totals: gaps.length, medianGap: percentile(sortedGaps, 50), p95Gap: percentile(sortedGaps, 95), medianRelativeGap: percentile(sorted(relative), 50) };
}

/** Ranks from 1, ties sharing their mean rank. */
function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].value === order[start].value) end++;
    for (let i = start; i <= end; i++) result[order[i].index] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return result;
}

/** Spearman's rank correlation of two equally long lists (Pearson's correlation of their ranks); NaN when either is constant. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`spearman: ${a.length} values against ${b.length}`);
  const [x, y] = [ranks(a), ranks(b)];
  const mean = (v: number[]) => v.reduce((sum, n) => sum + n, 0) / v.length;
  const [mx, my] = [mean(x), mean(y)];
  let [sxy, sxx, syy] = [0, 0, 0];
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
