import { perturb, perturbationTableFor } from '@cswb/subgraph-kit/privacy';
import { POLICE_AGENCIES } from '@cswb/subgraph-police';
import { situationTables } from '@cswb/subgraph-situation-table';
import { analystHeaders, HUB_ANALYST_SCOPE } from '@cswb/testing/analyst';
import { smallSyntheticCity } from '@cswb/testing/expected';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken } from '@cswb/testing/tokens';
import { buildRelations } from '../support/inference/attackModel';
import { bestGuessHits, combine, routeEstimates } from '../support/inference/averaging';
import { CellBook, cellKey } from '../support/inference/CellBook';
import { FROM, SECTOR_FIELDS, smallestOf, TO } from '../support/inference/catalogue';
import { ageGroupMeasure, gatherEdVisits } from '../support/inference/edVisits';
import { attackBounds, averagingAttack, pinnedSmallCells, unsoundBounds, widthHistogram } from '../support/inference/findings';
import {
  AreaNode,
  Ask,
  analystSink,
  asker,
  gatherAreas,
  gatherIndicators,
  indicatorsDocument,
  plannerSink,
  recordSeries,
  SERIES_FIELDS,
  Sink,
} from '../support/inference/gather';
import { Interval, propagate, truthsBehind, UNKNOWN } from '../support/inference/intervals';
import { Relation, violatedRelations } from '../support/inference/relations';
import { gatherSituationTables } from '../support/inference/situationTables';

/**
 * The project's own inference attack (issue 15, docs/privacy.md): everything one planner token
 * can read of 2024 through the gateway, the linear relations between the published figures,
 * interval propagation over them and averaging of every route to each small cell. Exact values
 * come from analysts (the hub analyst, and the OPP detachment's for its police areas); the
 * attack itself reads only the published figures.
 */

let stack: TestStack;
let planner: Ask;
let areas: AreaNode[];
const book = new CellBook();
const unmarked: string[] = [];
let relations: Relation[];

beforeAll(async () => {
  stack = await startTestStack('inference');
  const url = stack.gateway.url;
  planner = asker(url, bearer(await signToken({ sub: 'planner', scope: 'aggregates:read', purpose: 'planning' })));
  const analyst = asker(url, await analystHeaders());
  const oppAnalyst = asker(url, bearer(await signToken({ sub: 'opp-analyst', scope: HUB_ANALYST_SCOPE, agency: POLICE_AGENCIES.opp, purpose: 'evaluation' })));
  areas = await gatherAreas(planner);
  const tableIds = situationTables(smallSyntheticCity()).map((t) => t.tableId);

  const readEverything = async (ask: Ask, sink: Sink) => {
    await gatherIndicators(ask, sink);
    await gatherEdVisits(ask, sink);
    await gatherSituationTables(ask, sink, areas, tableIds);
  };
  // One request at a time: each is large, and a subgraph stops any request past its execution budget.
  await readEverything(planner, plannerSink(book, unmarked));
  await readEverything(analyst, analystSink(book));
  // Police areas held by two services: the OPP analyst sees its own exactly, the municipality nobody does (the sum of its parts).
  await gatherIndicators(oppAnalyst, analystSink(book), SECTOR_FIELDS.filter((s) => s.sector === 'police'));
  relations = buildRelations(book, areas);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('what a planner can read of 2024', () => {
  it('covers every area, sector, period and breakdown, with an exact value behind every cell', () => {
    expect(areas).toHaveLength(29);
    const cells = [...book.cells.values()].filter((c) => !c.hidden);
    expect(cells.length).toBeGreaterThan(20_000);
    expect(cells.filter((c) => c.published !== null).length).toBeGreaterThan(cells.length / 2);
    expect(cells.filter((c) => c.exact === null).map((c) => c.key)).toEqual([]);
    expect(relations.length).toBeGreaterThan(5_000);
  });

  it('publishes one value per cell whichever route gives it, and marks every figure perturbed', () => {
    expect(book.inconsistentPublished).toEqual([]);
    expect(book.inconsistentExact).toEqual([]);
    expect(unmarked).toEqual([]);
  });

  it('attacks with true relations only: the exact values satisfy every one', () => {
    expect(violatedRelations(book, relations)).toEqual([]);
  });
});

describe('the inference attack', () => {
  let bounds: Map<string, Interval>;
  beforeAll(() => {
    bounds = attackBounds(book, relations);
  });

  it('pins no small cell by interval propagation over every relation', () => {
    expect(unsoundBounds(book, bounds)).toEqual([]);
    const pinned = pinnedSmallCells(book, bounds);
    console.log(
      `inference: ${book.smallCells().length} small cells (1 ≤ true < T), ${pinned.length} pinned; ` +
        `interval widths ${JSON.stringify(widthHistogram(book, bounds))}; ${relations.length} relations`,
    );
    expect(pinned).toEqual([]);
  });

  it('gains nothing over guessing by averaging every route to a small cell', () => {
    const result = averagingAttack(book, relations, bounds);
    const rate = (hits: number) => `${hits} (${((100 * hits) / result.smallCells).toFixed(1)}%)`;
    console.log(
      `averaging: ${result.smallCells} small cells with a route, ${result.withSeveralRoutes} with several; within ±1 of the truth: ` +
        `averaged ${rate(result.attackHits)}, averaged and clamped to 1 … T − 1 and the bounds ${rate(result.informedAttackHits)}, ` +
        `best constant guess ${JSON.stringify(result.guesses)} ${rate(result.guessHits)}`,
    );
    expect(result.smallCells).toBeGreaterThan(1000);
    expect(result.attackHits).toBeLessThanOrEqual(result.guessHits);
    expect(result.informedAttackHits).toBeLessThanOrEqual(result.guessHits);
  });
});

describe('re-asking and rephrasing', () => {
  /** Every figure a rephrased answer gave must be the one already published for that cell (a route may withhold one another publishes). */
  function differences(rephrased: CellBook): string[] {
    return [...rephrased.cells.values()]
      .filter((cell) => cell.published !== null && cell.published !== book.get(cell.key).published)
      .map((cell) => `${cell.key}: ${cell.published}, before ${book.get(cell.key).published}`);
  }

  it('answers the same document twice with the same data', async () => {
    const first = await planner(indicatorsDocument(), { granularity: 'YEAR' });
    const second = await planner(indicatorsDocument(), { granularity: 'YEAR' });
    expect(second).toEqual(first);
  });

  it('gives the same figures through area(id), areas(kind), other aliases, field orders, fragments and narrower ranges', async () => {
    const ward = areas.find((a) => a.kind === 'WARD')!;
    const neighbourhood = areas.find((a) => a.kind === 'NEIGHBOURHOOD')!;
    const municipality = areas.find((a) => a.kind === 'MUNICIPALITY')!;
    const reordered = 'observations { suppressed perturbed denominator numerator period { label } } indicator { id }';
    const data = await planner(`
      query Rephrased {
        one: area(id: "${ward.id}") { id ... on Area { hp: health { s: indicators(granularity: MONTH, to: "${TO}", from: "${FROM}") { ${reordered} } } } }
        wards: areas(kind: WARD) { id police { indicators(from: "2024-04-01", to: "2024-06-30", granularity: MONTH) { ...S } } }
        nb: area(id: "${neighbourhood.id}") { id situationTable { indicators(from: "2024-07-01", to: "2024-09-30", granularity: QUARTER) { ...S } } }
        wide: area(id: "${municipality.id}") { id housing { indicators(from: "2023-01-01", to: "2025-12-31", granularity: MONTH) { ...S } } }
      }
      fragment S on IndicatorSeries { ${SERIES_FIELDS} }`);
    const rephrased = new CellBook();
    const sink = plannerSink(rephrased, []);
    recordSeries(sink, data.one.id, data.one.hp.s);
    for (const area of data.wards) recordSeries(sink, area.id, area.police.indicators);
    recordSeries(sink, data.nb.id, data.nb.situationTable.indicators);
    const of2024 = (series: any[]) => series.map((one) => ({ ...one, observations: one.observations.filter((o: any) => o.period.label.startsWith('2024')) }));
    recordSeries(sink, data.wide.id, of2024(data.wide.housing.indicators));
    expect(rephrased.cells.size).toBeGreaterThan(100);
    expect(differences(rephrased)).toEqual([]);
  });

  it('gives the same breakdowns through area(id) and a table scope asked with other aliases and field orders', async () => {
    const ward = areas.find((a) => a.kind === 'WARD')!;
    const [table] = situationTables(smallSyntheticCity());
    // The small city's tables serve one ward each: a table's AER discussions are its ward's.
    expect(table.wardIds).toHaveLength(1);
    const data = await planner(`{
      x: area(id: "${ward.id}") { id health { v: edVisitsByAgeGroup(reason: SELF_HARM, to: "2024-06-30", from: "2024-04-01") { suppressed visits perturbed ageGroup } } }
      t: situationTableAnalytics(tableId: "${table.tableId}", to: "${TO}", from: "${FROM}") {
        byArea { suppressed perturbed discussions areaId } riskLowered aerMet perturbed
      }
    }`);
    const rephrased = new CellBook();
    const sink = plannerSink(rephrased, []);
    const health = smallestOf('health', 'ed_visits.SELF_HARM');
    for (const g of data.x.health.v) sink(cellKey('health', ageGroupMeasure('SELF_HARM', g.ageGroup), ward.id, '2024-Q2'), health, { value: g.visits, ...g });
    const situationTable = smallestOf('situation-table', null);
    for (const a of data.t.byArea) sink(cellKey('situation-table', 'aer_met', a.areaId, '2024'), situationTable, { value: a.discussions, ...a });
    const aerMet = { value: data.t.aerMet, perturbed: data.t.perturbed, suppressed: false };
    sink(cellKey('situation-table', 'aer_met', table.wardIds[0], '2024'), situationTable, aerMet);
    expect(rephrased.cells.size).toBe(6 + 6 + 1);
    expect(differences(rephrased)).toEqual([]);
  });
});

describe('the attack can find what it looks for', () => {
  const T5 = perturbationTableFor(5);
  const known = (value: number) => ({ lo: value, hi: value });

  it('bounds every true count behind a published figure by the p-table support', () => {
    for (const table of [T5, perturbationTableFor(10)]) {
      for (let count = 0; count <= 40; count++) {
        for (let key = 0; key < 1; key += 1 / 32) {
          const { lo, hi } = truthsBehind(table, perturb(table, count, key));
          expect(lo <= count && count <= hi).toBe(true);
        }
      }
    }
    expect(truthsBehind(T5, 0)).toEqual({ lo: 0, hi: 4 });
  });

  it('pins a part when its whole and its siblings are known, through a chain of relations', () => {
    const chain: Relation[] = [
      { family: 'area', parent: 'ward', children: ['n1', 'n2'], slack: 0 },
      { family: 'period', parent: 'n2', children: ['q1', 'q2'], slack: 0 },
    ];
    const bounds = propagate(
      new Map([
        ['ward', known(7)],
        ['n1', { ...UNKNOWN }],
        ['n2', { ...UNKNOWN }],
        ['q1', known(2)],
        ['q2', known(3)],
      ]),
      chain,
    );
    expect(bounds.get('n2')).toEqual(known(5));
    expect(bounds.get('n1')).toEqual(known(2));
  });

  it('reports a small cell that the published figures pin', () => {
    const toy = new CellBook();
    const exact = { ward: 9, n1: 2, n2: 3, n3: 4 };
    for (const [area, value] of Object.entries(exact)) {
      toy.publish(`s|m|${area}|2024`, 5, area === 'ward' ? 9 : 0);
      toy.know(`s|m|${area}|2024`, 5, value);
    }
    const sum: Relation = { family: 'area', parent: 's|m|ward|2024', children: ['s|m|n1|2024', 's|m|n2|2024', 's|m|n3|2024'], slack: 0 };
    // Published, 9 spans 5 … 13 and each 0 a part of 0 … 4: nothing is pinned.
    const bounds = attackBounds(toy, [sum]);
    expect(pinnedSmallCells(toy, bounds)).toEqual([]);
    expect(unsoundBounds(toy, bounds)).toEqual([]);
    // Had the total and two parts been exact, the third would be given back.
    const leaky = propagate(new Map([...bounds, ['s|m|ward|2024', known(9)], ['s|m|n2|2024', known(3)], ['s|m|n3|2024', known(4)]]), [sum]);
    expect(pinnedSmallCells(toy, leaky)).toEqual(['s|m|n1|2024: true 2, published 0', 's|m|n2|2024: true 3, published 0', 's|m|n3|2024: true 4, published 0']);
  });

  it('recovers a small count from enough independent routes, which a constant guess does not', () => {
    const routes = [3, 2, 5, 1, 4, 3, 2].map((value) => ({ value, variance: 3 }));
    expect(combine(routes)).toBe(3);
    const toy = new CellBook();
    toy.publish('s|m|ward|2024', 5, 8);
    toy.publish('s|m|n1|2024', 5, 5);
    toy.publish('s|m|n2|2024', 5, 0);
    const sum: Relation = { family: 'area', parent: 's|m|ward|2024', children: ['s|m|n1|2024', 's|m|n2|2024'], slack: 0 };
    expect(routeEstimates('s|m|n2|2024', toy, [sum], () => 3)).toEqual([
      { value: 0, variance: 3 },
      { value: 3, variance: 6 },
    ]);
    expect(bestGuessHits([1, 2, 2, 3, 9], 10)).toEqual({ guess: 2, hits: 4 });
  });
});
