import { createSyntheticCity, readSeed } from '@cswb/shared';
import { generatePoliceRecords, GeneratedCall, GeneratedOccurrence } from '@cswb/subgraph-police';

/** The synthetic city and police records the `small` seed writes, regenerated in memory. */
export function smallCity() {
  const city = createSyntheticCity('small', readSeed({}));
  const occurrences: GeneratedOccurrence[] = [];
  const calls: GeneratedCall[] = [];
  for (const batch of generatePoliceRecords(city)) {
    occurrences.push(...batch.occurrences);
    calls.push(...batch.calls);
  }
  return { city, occurrences, calls };
}
