import { Granularity, Period } from '@cswb/subgraph-kit/vocabulary';
import { cellKey } from './CellBook';
import { PERIODS, smallestOf } from './catalogue';
import type { AreaNode, Ask, Sink } from './gather';

const SECTOR = 'situation-table';

/** One `situationTableAnalytics` call: a scope (everything, one table, one neighbourhood) and a calendar period. */
interface Call {
  scope: { tableId?: string; areaId?: string };
  period: Period;
}

const FIELDS = `
  fragment Analytics on SituationTableAnalytics {
    perturbed discussions aerMet riskLowered
    byRiskCategory { category discussions perturbed suppressed }
    byAgeGroup { ageGroup discussions perturbed suppressed }
    byArea { areaId discussions perturbed suppressed }
    agenciesMostEngaged { agency engagements perturbed suppressed }
  }`;

/** The finer periods `byPeriod` can split a period into. */
function finer(period: Period): Granularity[] {
  if (period.granularity === Granularity.YEAR) return [Granularity.QUARTER, Granularity.MONTH];
  return [Granularity.MONTH];
}

const PERIOD_FIELDS = 'period { label } discussions perturbed suppressed';
const CALLS_PER_REQUEST = 12;

function document(calls: readonly Call[]): string {
  const fields = calls.map(({ scope, period }, i) => {
    const args = [`from: "${period.start}"`, `to: "${period.end}"`, ...Object.entries(scope).map(([name, id]) => `${name}: "${id}"`)].join(', ');
    const byPeriod = finer(period).map((g) => `${g}: byPeriod(granularity: ${g}) { ${PERIOD_FIELDS} }`);
    return `a${i}: situationTableAnalytics(${args}) { ...Analytics ${byPeriod.join(' ')} }`;
  });
  return `{\n${fields.join('\n')}\n}\n${FIELDS}`;
}

/** Every scope and period a planner may ask for: everything and each table by every period, each neighbourhood by year. */
export function analyticsCalls(areas: readonly AreaNode[], tableIds: readonly string[]): Call[] {
  const year = PERIODS.filter((p) => p.granularity === Granularity.YEAR);
  return [
    ...PERIODS.map((period) => ({ scope: {}, period })),
    ...tableIds.flatMap((tableId) => PERIODS.map((period) => ({ scope: { tableId }, period }))),
    ...areas.filter((a) => a.kind === 'NEIGHBOURHOOD').flatMap((a) => year.map((period) => ({ scope: { areaId: a.id }, period }))),
  ];
}

/**
 * The region a scope's discussions lie in: the municipality, a neighbourhood, or a table's
 * catchment (the neighbourhoods `byArea` lists), named by the area it covers exactly when there is one.
 */
function regionOf(call: Call, catchment: readonly string[], areas: readonly AreaNode[]): string {
  if (call.scope.areaId) return call.scope.areaId;
  if (!call.scope.tableId) return areas.find((a) => a.kind === 'MUNICIPALITY')!.id;
  const ids = [...catchment].sort().join();
  return areas.find((a) => [...a.neighbourhoodIds].sort().join() === ids)?.id ?? `table:${call.scope.tableId}`;
}

/**
 * The cells of one answer. With areaId only AER discussions count (a rejected one records no
 * area), so `discussions` is that neighbourhood's `aer_met`; otherwise it counts whole
 * discussions, which the `discussions` indicator does not (it apportions rejected ones over a
 * table's neighbourhoods): `discussions.whole`.
 */
function recordAnswer(sink: Sink, call: Call, answer: any, areas: readonly AreaNode[]): void {
  const region = regionOf(call, answer.byArea.map((a: { areaId: string }) => a.areaId), areas);
  const smallest = smallestOf(SECTOR, null);
  const discussions = call.scope.areaId ? 'aer_met' : 'discussions.whole';
  const total = (measure: string, value: number | null, period = call.period.label) =>
    sink(cellKey(SECTOR, measure, region, period), smallest, { value, perturbed: answer.perturbed && value !== null, suppressed: value === null });
  const part = (measure: string, inRegion: string, figure: { value: number | null; perturbed: boolean; suppressed: boolean }, period = call.period.label) =>
    sink(cellKey(SECTOR, measure, inRegion, period), smallest, figure);

  total(discussions, answer.discussions);
  total('aer_met', answer.aerMet);
  total('risk_lowered', answer.riskLowered);
  for (const c of answer.byRiskCategory) part(`category.${c.category}`, region, { value: c.discussions, ...c });
  for (const a of answer.byAgeGroup) part(`age.${a.ageGroup}`, region, { value: a.discussions, ...a });
  for (const a of answer.agenciesMostEngaged) part(`agency.${a.agency}`, region, { value: a.engagements, ...a });
  for (const a of answer.byArea) part('aer_met', a.areaId, { value: a.discussions, ...a });
  for (const g of finer(call.period)) {
    for (const p of answer[g]) part(discussions, region, { value: p.discussions, ...p }, p.period.label);
  }
}

/** Situation Table analytics of every scope and period: a dozen calls per request. */
export async function gatherSituationTables(ask: Ask, sink: Sink, areas: readonly AreaNode[], tableIds: readonly string[]): Promise<void> {
  const calls = analyticsCalls(areas, tableIds);
  for (let first = 0; first < calls.length; first += CALLS_PER_REQUEST) {
    const batch = calls.slice(first, first + CALLS_PER_REQUEST);
    const data = await ask(document(batch));
    batch.forEach((call, i) => recordAnswer(sink, call, data[`a${i}`], areas));
  }
}
