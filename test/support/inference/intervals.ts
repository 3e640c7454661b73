import type { PerturbationTable } from '@cswb/subgraph-kit/privacy';
import type { Relation } from './relations';

/** What the attacker knows of a true count: lo ≤ true ≤ hi (hi may be Infinity). */
export interface Interval {
  lo: number;
  hi: number;
}

export const UNKNOWN: Interval = Object.freeze({ lo: 0, hi: Infinity });

/**
 * The true counts that can publish `published` under the public p-table: those whose row has
 * the noise `published − count` (the attacker knows D, T and every row's support).
 */
export function truthsBehind(table: PerturbationTable, published: number): Interval {
  const { maxNoise } = table.parameters;
  const possible: number[] = [];
  for (let count = Math.max(0, published - maxNoise); count <= published + maxNoise; count++) {
    const row = table.rows[Math.min(count, table.rows.length - 1)];
    if (row.noise.includes(published - count)) possible.push(count);
  }
  if (possible.length === 0) throw new Error(`no true count publishes ${published}`);
  return { lo: Math.min(...possible), hi: Math.max(...possible) };
}

/** The sum of the children's bounds, with how many are unbounded above. */
function sums(children: readonly Interval[]) {
  let lo = 0;
  let finiteHi = 0;
  let unbounded = 0;
  for (const child of children) {
    lo += child.lo;
    if (child.hi === Infinity) unbounded++;
    else finiteHi += child.hi;
  }
  return { lo, finiteHi, unbounded };
}

/** The bounds a relation implies for its parent and each child, intersected with what is known. */
function tighten(relation: Relation, bounds: Map<string, Interval>): Map<string, Interval> {
  const parent = bounds.get(relation.parent)!;
  const children = relation.children.map((child) => bounds.get(child)!);
  const total = sums(children);
  const updates = new Map<string, Interval>();
  const sumHi = total.unbounded > 0 ? Infinity : total.finiteHi;
  updates.set(relation.parent, { lo: Math.max(parent.lo, total.lo - relation.slack), hi: Math.min(parent.hi, sumHi + relation.slack) });
  relation.children.forEach((key, i) => {
    const child = children[i];
    const othersLo = total.lo - child.lo;
    const othersUnbounded = total.unbounded - (child.hi === Infinity ? 1 : 0);
    const othersHi = othersUnbounded > 0 ? Infinity : total.finiteHi - (child.hi === Infinity ? 0 : child.hi);
    updates.set(key, {
      lo: Math.max(child.lo, parent.lo - othersHi - relation.slack),
      hi: Math.min(child.hi, parent.hi - othersLo + relation.slack),
    });
  });
  return updates;
}

/**
 * Interval propagation to a fixpoint: every relation tightens its parent from its children and
 * each child from its parent and siblings, until nothing moves. Integer bounds, never below 0.
 */
export function propagate(initial: ReadonlyMap<string, Interval>, relations: readonly Relation[]): Map<string, Interval> {
  const bounds = new Map([...initial].map(([key, interval]) => [key, { ...interval }]));
  const byKey = new Map<string, number[]>();
  relations.forEach((relation, index) => {
    for (const key of [relation.parent, ...relation.children]) {
      if (!bounds.has(key)) bounds.set(key, { ...UNKNOWN });
      byKey.set(key, [...(byKey.get(key) ?? []), index]);
    }
  });
  const queued = new Set(relations.keys());
  // Each step only narrows an integer interval; a contradiction could narrow without end.
  let steps = relations.length * 1000;
  while (queued.size > 0) {
    if (--steps < 0) throw new Error('interval propagation does not settle: the relations contradict the published figures');
    const [index] = queued;
    queued.delete(index);
    for (const [key, next] of tighten(relations[index], bounds)) {
      const current = bounds.get(key)!;
      const lo = Math.max(0, Math.ceil(next.lo));
      const hi = Math.floor(next.hi);
      if (lo === current.lo && hi === current.hi) continue;
      bounds.set(key, { lo, hi });
      for (const other of byKey.get(key)!) if (other !== index) queued.add(other);
    }
  }
  return bounds;
}
