import { cellKeyOf } from './cellKey';
import { buildPerturbationTable, perturb, type PerturbationTable } from './perturbationTable';
import { DEFAULT_SMALLEST_PUBLISHED, MAX_NOISE, NOISE_VARIANCE } from './privacyConfig';

const tables = new Map<number, PerturbationTable>();

/** The hub's p-table for a smallest published count, built once per process. */
export function perturbationTableFor(smallestPublished: number = DEFAULT_SMALLEST_PUBLISHED): PerturbationTable {
  let table = tables.get(smallestPublished);
  if (!table) tables.set(smallestPublished, (table = buildPerturbationTable({ maxNoise: MAX_NOISE, variance: NOISE_VARIANCE, smallestPublished })));
  return table;
}

/**
 * A count as a caller without record-level rights sees it: the true count (rounded to a whole
 * number first: stocks are averages) plus the noise the p-table gives for the cell key of the
 * units counted. The same units give the same published count in every query and process;
 * a true 0 stays 0; 1 … smallestPublished − 1 never come out.
 */
export function publishCount(count: number, keySum: number, smallestPublished: number = DEFAULT_SMALLEST_PUBLISHED): number {
  const whole = Math.round(count);
  if (!(whole > 0)) return 0;
  return perturb(perturbationTableFor(smallestPublished), whole, cellKeyOf(keySum));
}
