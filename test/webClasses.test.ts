import type * as Classes from '../web/src/components/classes.js' with { 'resolution-mode': 'import' };
import { loadWebModule } from './support/webModule';

const { classify, NO_DATA_FILL, SEQUENTIAL_PALETTE } = loadWebModule<typeof Classes>('components/classes.ts');

// The map's classing (web/src/components/classes.ts): computed on the shown values only, at most five
// classes, equal values never split, every value coloured by the class that holds it.

describe('classify', () => {
  it('cuts ten values into five quantile classes of two, ordered light to dark', () => {
    const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    const { classes, colourOf } = classify(values, 'quantile');
    expect(classes.map((c) => [c.min, c.max, c.count])).toEqual([[1, 2, 2], [3, 4, 2], [5, 6, 2], [7, 8, 2], [9, 10, 2]]);
    expect(classes.map((c) => c.colour)).toEqual([...SEQUENTIAL_PALETTE]);
    for (const v of values) expect(colourOf(v)).toBe(classes.find((c) => v >= c.min && v <= c.max)!.colour);
  });

  it('never puts a break between equal values', () => {
    const { classes } = classify([1, 2, 2, 2, 2, 2, 2, 3, 4, 5], 'quantile');
    const holding = classes.filter((c) => c.min <= 2 && c.max >= 2);
    expect(holding).toHaveLength(1);
    expect(classes.reduce((n, c) => n + c.count, 0)).toBe(10);
  });

  it('finds natural breaks between clusters (Jenks)', () => {
    const values = [1, 1.1, 1.2, 10, 10.1, 20, 20.2, 30, 40, 41];
    const { classes } = classify(values, 'jenks');
    expect(classes.map((c) => [c.min, c.max])).toEqual([[1, 1.2], [10, 10.1], [20, 20.2], [30, 30], [40, 41]]);
  });

  it('makes no more classes than distinct values, spread over the palette, and none when nothing is shown', () => {
    const two = classify([3, 3, 7], 'jenks');
    expect(two.classes.map((c) => c.colour)).toEqual([SEQUENTIAL_PALETTE[0], SEQUENTIAL_PALETTE[4]]);
    const none = classify([], 'quantile');
    expect(none.classes).toEqual([]);
    expect(none.colourOf(1)).toBe(NO_DATA_FILL);
    expect(classify([Number.NaN, 4], 'quantile').classes).toHaveLength(1);
  });
});
