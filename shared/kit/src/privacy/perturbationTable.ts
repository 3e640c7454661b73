/**
 * The perturbation table (p-table) of the cell-key method (docs/privacy.md): for a true count and
 * a cell key, the noise to add. Built once from public parameters; the protection lies in the
 * keys, which derive from a deployment secret, never in the table.
 *
 * Each row (one per small true count, then one for every larger count) is the maximum-entropy
 * distribution over the allowed noise values with mean exactly 0 and variance at most
 * `variance`: p(v) ∝ exp(a·v + b·v²), a and b solved numerically. Allowed published values are
 * 0 and `smallestPublished` upward, within `maxNoise` of the true count: the counts
 * 1 … smallestPublished − 1 never come out. A true 0 stays 0 (no record, no noise); a published
 * 0 therefore covers the true counts 0 … smallestPublished − 1 alike.
 */

export interface PerturbationParameters {
  /** The largest |noise| (D). Raised to smallestPublished − 1 when smaller, so a true 1 can reach smallestPublished. */
  maxNoise: number;
  /** The noise variance aimed at (V); rows whose allowed values force more (the smallest counts) take the least they can. */
  variance: number;
  /** The smallest non-zero published count (T): 1 … T − 1 are never published. */
  smallestPublished: number;
}

export interface PerturbationRow {
  /** The true counts this row is for: `count` exactly, or every count from `count` up for the last row. */
  count: number;
  noise: readonly number[];
  probability: readonly number[];
  /** Cumulative upper bounds in [0, 1]: a cell key k takes the first noise whose bound exceeds k. */
  upperBounds: readonly number[];
}

export interface PerturbationTable {
  parameters: Readonly<PerturbationParameters>;
  rows: readonly PerturbationRow[];
}

export class PerturbationParametersError extends Error {}

function validate(parameters: PerturbationParameters): void {
  const { maxNoise, variance, smallestPublished } = parameters;
  if (!Number.isInteger(maxNoise) || maxNoise < 1) throw new PerturbationParametersError(`maxNoise must be a whole number of at least 1, got ${maxNoise}`);
  if (!Number.isInteger(smallestPublished) || smallestPublished < 1) {
    throw new PerturbationParametersError(`smallestPublished must be a whole number of at least 1, got ${smallestPublished}`);
  }
  if (!(variance > 0) || !Number.isFinite(variance)) throw new PerturbationParametersError(`variance must be a positive number, got ${variance}`);
}

/** Noise values a true count may take: published value 0 or ≥ smallestPublished, within maxNoise. */
function allowedNoise(count: number, maxNoise: number, smallestPublished: number): number[] {
  const noise: number[] = [];
  for (let published = Math.max(0, count - maxNoise); published <= count + maxNoise; published++) {
    if (published === 0 || published >= smallestPublished) noise.push(published - count);
  }
  return noise;
}

function distribution(noise: readonly number[], a: number, b: number): number[] {
  // Shifted by the largest exponent so that exp never overflows.
  const exponents = noise.map((v) => a * v + b * v * v);
  const top = Math.max(...exponents);
  const weights = exponents.map((e) => Math.exp(e - top));
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => w / total);
}

/** Smaller probabilities are not worth a noise value (ptable's lower bound). */
const MIN_PROBABILITY = 1e-8;

const moment = (noise: readonly number[], probability: readonly number[], power: number) => noise.reduce((sum, v, i) => sum + probability[i] * v ** power, 0);

/**
 * The `a` that makes the mean 0 for a given `b` (the mean grows with `a`): bisection over a range
 * wide enough to outweigh b·v² at the farthest value, so a steep b is still centred.
 */
function centre(noise: readonly number[], b: number): number {
  const reach = 200 + 4 * Math.abs(b) * Math.max(...noise.map(Math.abs));
  let low = -reach;
  let high = reach;
  for (let step = 0; step < 100; step++) {
    const middle = (low + high) / 2;
    if (moment(noise, distribution(noise, middle, b), 1) > 0) high = middle;
    else low = middle;
  }
  return (low + high) / 2;
}

/** The maximum-entropy, mean-zero distribution over `noise` with variance at most `variance` where the values allow it. */
function row(count: number, noise: readonly number[], variance: number): PerturbationRow {
  let probability: number[];
  if (noise.length === 1) {
    probability = [1];
  } else {
    const varianceAt = (b: number) => moment(noise, distribution(noise, centre(noise, b), b), 2);
    let b = 0;
    if (varianceAt(0) > variance) {
      // The variance falls as b falls; where even the steepest b cannot reach it, the row keeps the least variance its values allow.
      let low = -50;
      let high = 0;
      for (let step = 0; step < 60; step++) {
        const middle = (low + high) / 2;
        if (varianceAt(middle) > variance) high = middle;
        else low = middle;
      }
      b = high;
    }
    probability = distribution(noise, centre(noise, b), b);
    // A steep b leaves far values with vanishing probability: they are dropped, and the rest re-centred.
    const kept = noise.filter((_, i) => probability[i] >= MIN_PROBABILITY);
    if (kept.length < noise.length) return row(count, kept, variance);
  }
  const upperBounds: number[] = [];
  let cumulative = 0;
  for (const p of probability) upperBounds.push((cumulative += p));
  upperBounds[upperBounds.length - 1] = 1;
  return { count, noise: [...noise], probability, upperBounds };
}

/** Rows for the counts 0 … maxNoise + smallestPublished, the last one serving every larger count too. */
export function buildPerturbationTable(parameters: PerturbationParameters): PerturbationTable {
  validate(parameters);
  const maxNoise = Math.max(parameters.maxNoise, parameters.smallestPublished - 1);
  const last = maxNoise + parameters.smallestPublished;
  const rows: PerturbationRow[] = [];
  for (let count = 0; count <= last; count++) {
    rows.push(row(count, count === 0 ? [0] : allowedNoise(count, maxNoise, parameters.smallestPublished), parameters.variance));
  }
  return { parameters: Object.freeze({ ...parameters, maxNoise }), rows };
}

/** The published count for a true count and a cell key in [0, 1). */
export function perturb(table: PerturbationTable, count: number, cellKey: number): number {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number of at least 0, got ${count}`);
  if (!(cellKey >= 0 && cellKey < 1)) throw new RangeError(`cellKey must be in [0, 1), got ${cellKey}`);
  const row = table.rows[Math.min(count, table.rows.length - 1)];
  let index = 0;
  while (row.upperBounds[index] <= cellKey) index++;
  return count + row.noise[index];
}
