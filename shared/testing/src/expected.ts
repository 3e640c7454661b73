import { readSeed } from '@cswb/contract/config';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { generatePoliceRecords } from '@cswb/subgraph-police';

type Rows<B> = { [K in keyof B]: B[K] extends readonly (infer R)[] ? R[] : never };

/** Gathers a sector generator's batches into one array per kind of row. */
export function collect<B extends { [K in keyof B]: readonly unknown[] }>(batches: Iterable<B>): Rows<B> {
  const rows = {} as Record<string, unknown[]>;
  for (const batch of batches) {
    for (const [kind, list] of Object.entries(batch) as [string, readonly unknown[]][]) (rows[kind] ??= []).push(...list);
  }
  return rows as Rows<B>;
}

/** The synthetic city the `small` seed writes (default SEED). */
export function smallSyntheticCity() {
  return createSyntheticCity('small', readSeed({}));
}

/** The synthetic city and police records the `small` seed writes, regenerated in memory. */
export function smallCity() {
  const city = smallSyntheticCity();
  return { city, ...collect(generatePoliceRecords(city)) };
}
