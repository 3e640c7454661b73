/** How a choropleth's shown values are cut into classes. */
export type ClassMethod = 'quantile' | 'jenks';

export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'jenks'];

/**
 * Five steps of viridis, light (low) to dark (high): ordered in lightness, so it reads in grey and
 * for every common colour-vision deficiency. The lightest step (#fde725) is far from the no-data
 * grey and from the withheld hatch (white with dark lines).
 */
export const SEQUENTIAL_PALETTE = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'] as const;
export const NO_DATA_FILL = '#d9d9d9';
export const HATCH_INK = '#4a4a4a';

export interface ClassBreak {
  /** Smallest and largest shown value in the class (closed interval). */
  min: number;
  max: number;
  colour: string;
  count: number;
}

export interface Classing {
  method: ClassMethod;
  classes: ClassBreak[];
  /** The colour of a shown value; the value must be one of those the classes were computed on or lie within their range. */
  colourOf(value: number): string;
  classOf(value: number): number;
}

function quantileGroups(sorted: number[], k: number): number[][] {
  const groups: number[][] = [];
  let start = 0;
  for (let i = 1; i <= k; i++) {
    let end = Math.round((i * sorted.length) / k);
    // Equal values stay in one class: a break never falls between two copies of the same value.
    while (end < sorted.length && end > 0 && sorted[end] === sorted[end - 1]) end++;
    if (end > start) groups.push(sorted.slice(start, end));
    start = Math.max(start, end);
  }
  return groups;
}

/** Fisher–Jenks natural breaks: the grouping of sorted values into k runs with the least within-class variance. */
function jenksGroups(sorted: number[], k: number): number[][] {
  const n = sorted.length;
  const prefix = [0];
  const prefixSq = [0];
  for (const v of sorted) {
    prefix.push(prefix[prefix.length - 1] + v);
    prefixSq.push(prefixSq[prefixSq.length - 1] + v * v);
  }
  const cost = (i: number, j: number) => {
    // Sum of squared deviations of sorted[i..j) from their mean.
    const count = j - i;
    const sum = prefix[j] - prefix[i];
    return prefixSq[j] - prefixSq[i] - (sum * sum) / count;
  };
  // best[c][j]: least cost of splitting the first j values into c classes; from[c][j]: where the last class starts.
  const best: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0));
  best[0][0] = 0;
  for (let c = 1; c <= k; c++) {
    for (let j = c; j <= n; j++) {
      for (let i = c - 1; i < j; i++) {
        if (i > 0 && sorted[i] === sorted[i - 1]) continue;
        const total = best[c - 1][i] + cost(i, j);
        if (total < best[c][j]) {
          best[c][j] = total;
          from[c][j] = i;
        }
      }
    }
  }
  const groups: number[][] = [];
  let end = n;
  for (let c = k; c >= 1; c--) {
    const start = from[c][end];
    groups.unshift(sorted.slice(start, end));
    end = start;
  }
  return groups.filter((g) => g.length > 0);
}

/**
 * Classes computed on the shown values only (withheld and missing areas play no part), at most
 * `count` of them and never more than there are distinct values.
 */
export function classify(values: number[], method: ClassMethod, count = 5): Classing {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const distinct = new Set(sorted).size;
  const k = Math.min(count, distinct);
  const groups = k === 0 ? [] : method === 'jenks' ? jenksGroups(sorted, k) : quantileGroups(sorted, k);
  // With fewer classes than colours, spread them over the palette so they stay far apart.
  const colourAt = (index: number) => SEQUENTIAL_PALETTE[groups.length <= 1 ? 2 : Math.round((index * (SEQUENTIAL_PALETTE.length - 1)) / (groups.length - 1))];
  const classes: ClassBreak[] = groups.map((group, index) => ({ min: group[0], max: group[group.length - 1], colour: colourAt(index), count: group.length }));
  const classOf = (value: number) => {
    for (let i = 0; i < classes.length - 1; i++) if (value < classes[i + 1].min) return i;
    return classes.length - 1;
  };
  return { method, classes, classOf, colourOf: (value) => classes[classOf(value)]?.colour ?? NO_DATA_FILL };
}
