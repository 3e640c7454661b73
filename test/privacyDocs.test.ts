import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '@cswb/cli';
import { DEFAULT_SMALLEST_PUBLISHED, MAX_NOISE, NOISE_VARIANCE, perturbationTableFor } from '@cswb/subgraph-kit/privacy';

/** docs/privacy.md shows the p-table the hub publishes with: it must be the one the code builds. */

const DOC = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'privacy.md'), 'utf8');

/** The rows of the documented table: true count → published value → probability, and the row's variance. */
function documentedRows(): { count: number; last: boolean; published: Map<string, number>; variance: number }[] {
  const start = DOC.indexOf('| true count | published | variance |');
  expect(start).toBeGreaterThan(0);
  const lines = DOC.slice(start).split('\n').slice(2);
  const rows = [];
  for (const line of lines) {
    if (!line.startsWith('|')) break;
    const [count, published, variance] = line.split('|').slice(1, 4).map((cell) => cell.trim());
    rows.push({
      count: Number.parseInt(count, 10),
      last: count.endsWith('and more'),
      published: new Map(published.split(', ').map((pair) => pair.split(': ') as [string, string]).map(([value, p]) => [value, Number(p)])),
      variance: Number(variance),
    });
  }
  return rows;
}

const close = (documented: number, actual: number, digits: number) => Math.abs(documented - actual) <= 0.5 * 10 ** -digits + 1e-12;
const decimals = (value: number) => (String(value).split('.')[1] ?? '').length;

describe('the p-table in docs/privacy.md', () => {
  const table = perturbationTableFor(DEFAULT_SMALLEST_PUBLISHED);

  it('states the parameters the code uses', () => {
    expect(DOC).toContain(`| T, \`DEFAULT_SMALLEST_PUBLISHED\` | ${DEFAULT_SMALLEST_PUBLISHED} |`);
    expect(DOC).toContain(`| D, \`MAX_NOISE\` | ${MAX_NOISE} (T − 1 when T is larger) |`);
    expect(DOC).toContain(`| V, \`NOISE_VARIANCE\` | ${NOISE_VARIANCE} |`);
  });

  it('shows every row the code builds, with its probabilities and variance as rounded there', () => {
    const rows = documentedRows();
    expect(rows.map((row) => row.count)).toEqual(table.rows.map((row) => row.count));
    expect(rows[rows.length - 1].last).toBe(true);
    for (const [i, row] of table.rows.entries()) {
      const documented = rows[i];
      const last = i === table.rows.length - 1;
      const label = (v: number) => (last ? (v === 0 ? 'c' : `c ${v < 0 ? '−' : '+'} ${Math.abs(v)}`) : String(row.count + v));
      const actual = new Map(row.noise.map((v, j) => [label(v), row.probability[j]]));
      expect([...documented.published.keys()]).toEqual([...actual.keys()]);
      for (const [value, p] of documented.published) {
        expect({ row: row.count, value, close: close(p, actual.get(value)!, Math.max(1, decimals(p))) }).toEqual({ row: row.count, value, close: true });
      }
      const variance = row.noise.reduce((sum, v, j) => sum + row.probability[j] * v * v, 0);
      expect({ row: row.count, close: close(documented.variance, variance, Math.max(0, decimals(documented.variance))) }).toEqual({ row: row.count, close: true });
    }
  });
});
