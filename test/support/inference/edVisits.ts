import { HealthVisitReason } from '@cswb/subgraph-health';
import { cellKey } from './CellBook';
import { PERIODS, smallestOf } from './catalogue';
import type { Ask, Sink } from './gather';

/** Every reason, and none (all visits). */
export const REASONS: (string | null)[] = [...Object.values(HealthVisitReason), null];

/** The measure of an age group's visits for a reason (or every reason): a part of `ed_visits.<reason>`. */
export const ageGroupMeasure = (reason: string | null, ageGroup: string) => (reason ? `ed_visits.${reason}.age.${ageGroup}` : `ed_visits.age.${ageGroup}`);

const REASONS_PER_REQUEST = 2;

function document(reasons: (string | null)[]): string {
  const fields = reasons.flatMap((reason, r) =>
    PERIODS.map(
      (period, p) =>
        `r${r}p${p}: edVisitsByAgeGroup(from: "${period.start}", to: "${period.end}"${reason ? `, reason: ${reason}` : ''}) { ageGroup visits perturbed suppressed }`,
    ),
  );
  return `{ areas(kind: null) { id health {\n${fields.join('\n')}\n} } }`;
}

/** ED visits by age group of every area, every calendar period of the year and every reason: a few requests. */
export async function gatherEdVisits(ask: Ask, sink: Sink): Promise<void> {
  for (let first = 0; first < REASONS.length; first += REASONS_PER_REQUEST) {
    const reasons = REASONS.slice(first, first + REASONS_PER_REQUEST);
    const data = await ask(document(reasons));
    for (const area of data.areas) {
      reasons.forEach((reason, r) => {
        const smallest = smallestOf('health', reason ? `ed_visits.${reason}` : null);
        PERIODS.forEach((period, p) => {
          for (const group of area.health[`r${r}p${p}`]) {
            sink(cellKey('health', ageGroupMeasure(reason, group.ageGroup), area.id, period.label), smallest, { value: group.visits, ...group });
          }
        });
      });
    }
  }
}
