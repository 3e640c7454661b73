import { buildPerturbationTable, perturb, PerturbationParametersError } from '@cswb/subgraph-kit/privacy';

/** The p-table of the cell-key method: its properties, row by row, and as drawn with uniform keys. */

const PARAMETERS = { maxNoise: 4, variance: 2, smallestPublished: 5 };
const table = buildPerturbationTable(PARAMETERS);
const moment = (noise: readonly number[], probability: readonly number[], power: number) => noise.reduce((sum, v, i) => sum + probability[i] * v ** power, 0);

describe.each([
  { maxNoise: 4, variance: 3, smallestPublished: 5 },
  { maxNoise: 4, variance: 3, smallestPublished: 10 },
  { maxNoise: 2, variance: 1.08, smallestPublished: 2 },
])('the rows of every table the hub builds ($smallestPublished / $maxNoise / $variance)', (parameters) => {
  const built = buildPerturbationTable(parameters);
  const bound = Math.max(parameters.maxNoise, parameters.smallestPublished - 1);

  it('are distributions with mean exactly 0, within the bound, never publishing 1 … T − 1', () => {
    for (const row of built.rows) {
      expect({ count: row.count, total: row.probability.reduce((a, b) => a + b, 0) }).toEqual({ count: row.count, total: expect.closeTo(1, 12) });
      expect({ count: row.count, mean: Math.abs(moment(row.noise, row.probability, 1)) < 1e-9 }).toEqual({ count: row.count, mean: true });
      for (const v of row.noise) {
        const published = row.count + v;
        expect(Math.abs(v) <= bound && published >= 0 && !(published >= 1 && published < parameters.smallestPublished)).toBe(true);
      }
    }
    expect(built.parameters.maxNoise).toBe(bound);
  });
});

describe('the perturbation table', () => {
  it('has one row per small count and a last row for every larger count', () => {
    expect(table.rows.map((r) => r.count)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(table.rows[9].noise).toEqual([-4, -3, -2, -1, 0, 1, 2, 3, 4]);
  });

  it('each row is a distribution with mean 0 and noise within maxNoise', () => {
    for (const row of table.rows) {
      expect(row.probability.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(Math.abs(moment(row.noise, row.probability, 1))).toBeLessThan(1e-9);
      for (const v of row.noise) expect(Math.abs(v)).toBeLessThanOrEqual(PARAMETERS.maxNoise);
      for (const p of row.probability) expect(p).toBeGreaterThan(0);
      expect(row.upperBounds[row.upperBounds.length - 1]).toBe(1);
    }
  });

  it('keeps the variance aimed at where the allowed values permit, and the least they allow where not', () => {
    // A true 1 can only become 0 or 5: mean 0 forces 0.8 / 0.2, variance 4.
    expect(table.rows[1].noise).toEqual([-1, 4]);
    expect(table.rows[1].probability[0]).toBeCloseTo(0.8, 6);
    expect(moment(table.rows[1].noise, table.rows[1].probability, 2)).toBeCloseTo(4, 6);
    for (const row of table.rows.slice(5)) expect(moment(row.noise, row.probability, 2)).toBeLessThanOrEqual(PARAMETERS.variance + 1e-9);
    expect(moment(table.rows[9].noise, table.rows[9].probability, 2)).toBeCloseTo(PARAMETERS.variance, 6);
  });

  it('never publishes 1 … smallestPublished − 1, never a negative count, and a zero stays zero', () => {
    const wrong: string[] = [];
    for (let count = 0; count <= 40; count++) {
      for (let key = 0; key < 1; key += 1 / 512) {
        const published = perturb(table, count, key);
        if (published < 0 || (published >= 1 && published < PARAMETERS.smallestPublished) || Math.abs(published - count) > PARAMETERS.maxNoise) {
          wrong.push(`${count} → ${published} (key ${key})`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(perturb(table, 0, 0.999)).toBe(0);
  });

  it('is unbiased when keys are uniform: the average published count over evenly spread keys is the true count', () => {
    const keys = 100_000;
    for (const count of [1, 2, 3, 4, 5, 7, 12, 250]) {
      let total = 0;
      for (let k = 0; k < keys; k++) total += perturb(table, count, (k + 0.5) / keys);
      expect(total / keys).toBeCloseTo(count, 3);
    }
  });

  it('gives the same published value for the same count and key, whatever else was asked', () => {
    const first = perturb(table, 17, 0.4321);
    perturb(table, 3, 0.1);
    expect(perturb(buildPerturbationTable(PARAMETERS), 17, 0.4321)).toBe(first);
  });

  it('refuses parameters and arguments it cannot use, naming them', () => {
    expect(() => buildPerturbationTable({ ...PARAMETERS, maxNoise: 0 })).toThrow(new PerturbationParametersError('maxNoise must be a whole number of at least 1, got 0'));
    expect(() => buildPerturbationTable({ ...PARAMETERS, variance: -1 })).toThrow('variance must be a positive number, got -1');
    expect(() => buildPerturbationTable({ ...PARAMETERS, smallestPublished: 1.5 })).toThrow('smallestPublished must be a whole number of at least 1, got 1.5');
    expect(() => perturb(table, -1, 0.5)).toThrow('count must be a whole number of at least 0, got -1');
    expect(() => perturb(table, 3, 1)).toThrow('cellKey must be in [0, 1), got 1');
  });

  it('raises maxNoise to smallestPublished − 1 so that a true 1 can still be published', () => {
    expect(buildPerturbationTable({ maxNoise: 2, variance: 1, smallestPublished: 5 }).parameters.maxNoise).toBe(4);
  });
});
