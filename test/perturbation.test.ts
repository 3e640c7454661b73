import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';
import { measureSmallestPublished, perturbationTableFor } from '@cswb/subgraph-kit/privacy';
import { IndicatorSpec, rateValue } from '@cswb/subgraph-kit/vocabulary';
import { generateHealthCounts, HealthAgeGroup, HealthVisitReason } from '@cswb/subgraph-health';
import { analystHeaders, HUB_ANALYST_AGENCY, HUB_ANALYST_SCOPE } from '@cswb/testing/analyst';
import { POLICE_AGENCIES } from '@cswb/subgraph-police';
import { collect, smallCity } from '@cswb/testing/expected';
import { graphql } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken } from '@cswb/testing/tokens';

/**
 * Disclosure control through the gateway (docs/privacy.md): what a planner (aggregates:read,
 * no record-level rights) sees of every count, perturbed by the cell-key method, and that the
 * same cell is published alike by every route. Exact values come from a hub analyst
 * (record-level rights in every sector, whose values the sector tests check against the
 * generators; for police see exactProfile) and from the generators themselves. The attacks that
 * combine every published figure are in test/adversarial/inference.test.ts.
 */

const { city, occurrences, calls } = smallCity();
const health = collect(generateHealthCounts(city));
let stack: TestStack;
let planner: Record<string, string>;
let analyst: Record<string, string>;
let oppAnalyst: Record<string, string>;

beforeAll(async () => {
  planner = bearer(await signToken({ sub: 'planner', scope: 'aggregates:read', purpose: 'planning' }));
  analyst = await analystHeaders();
  oppAnalyst = bearer(await signToken({ sub: 'opp-analyst', scope: HUB_ANALYST_SCOPE, agency: POLICE_AGENCIES.opp, purpose: 'evaluation' }));
  stack = await startTestStack('perturbation');
});
afterAll(async () => {
  await stack?.stop();
});

const SERIES_SELECTION = 'observations { period { label } value numerator denominator }';
const DOCUMENTED = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'queries', 'all-areas-profile.graphql'), 'utf8');
if (!DOCUMENTED.includes(SERIES_SELECTION)) throw new Error('docs/queries/all-areas-profile.graphql no longer selects the observation fields this test extends');
/** The documented all-areas query, asking also whether each observation is perturbed, withheld or without data, and why. */
const PROFILE_QUERY = DOCUMENTED.replace(
  SERIES_SELECTION,
  'observations { period { label start } value numerator denominator perturbed suppressed suppressionReason unavailableReason }',
);

const SECTOR_FIELDS = ['police', 'health', 'education', 'housing', 'socialServices', 'situationTable'] as const;
const SECTOR_SPECS = discoverSubgraphs()
  .filter((s) => s.definition.indicators?.length)
  .map((s) => s.definition.indicators as readonly IndicatorSpec[]);
const SPECS = new Map(SECTOR_SPECS.flat().map((spec) => [spec.definition.id, spec]));
/** Each measure's smallest published count, keyed `sector|measure`. */
const SMALLEST = new Map(
  SECTOR_SPECS.flatMap((specs) => [...measureSmallestPublished(specs)].map(([measure, t]) => [`${specs[0].definition.sector}|${measure}`, t] as const)),
);
const smallestOf = (spec: IndicatorSpec, measure: string) => SMALLEST.get(`${spec.definition.sector}|${measure}`)!;
const maxNoiseOf = (smallestPublished: number) => perturbationTableFor(smallestPublished).parameters.maxNoise;
/** What a perturbed count of a measure may be for an exact one: 0 or at least T, within D of it, 0 for 0. */
function possiblePublished(published: number, exact: number, smallestPublished: number): boolean {
  const whole = Math.round(exact);
  if (whole === 0) return published === 0;
  return (published === 0 || published >= smallestPublished) && Math.abs(published - whole) <= maxNoiseOf(smallestPublished);
}

interface Cell {
  indicatorId: string;
  areaId: string;
  label: string;
  start: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  perturbed: boolean;
  suppressed: boolean;
  suppressionReason: string | null;
  unavailableReason: string | null;
}

interface Profile {
  areas: { id: string; kind: string; population: number }[];
  cells: Map<string, Cell>;
  raw: unknown;
}

const keyOf = (indicatorId: string, areaId: string, label: string) => `${indicatorId}|${areaId}|${label}`;

async function profile(headers: Record<string, string>, granularity: 'MONTH' | 'YEAR'): Promise<Profile> {
  const response = await graphql(stack.gateway.url, PROFILE_QUERY, { kind: null, from: '2021-01-01', to: '2024-12-31', granularity }, headers);
  expect(response.errors).toBeUndefined();
  const cells = new Map<string, Cell>();
  for (const area of response.data.areas) {
    for (const sector of SECTOR_FIELDS) {
      for (const series of area[sector].indicators) {
        for (const o of series.observations) {
          const cell: Cell = { indicatorId: series.indicator.id, areaId: area.id, label: o.period.label, start: o.period.start, ...o };
          delete (cell as any).period;
          cells.set(keyOf(cell.indicatorId, area.id, cell.label), cell);
        }
      }
    }
  }
  return { areas: response.data.areas, cells, raw: response.data };
}

const neighbourhoodsOf = (wardId: string) => city.neighbourhoods.filter((n) => n.parentId === wardId).map((n) => n.id);
const MONTHS = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

let published: Record<'MONTH' | 'YEAR', Profile>;
let exact: Record<'MONTH' | 'YEAR', Profile>;

/**
 * Every exact value. Two services hold police records, and an analyst sees exact police counts
 * only where every record is their own service's: the OPP ward's from the OPP detachment's
 * analyst, the rest from the hub analyst (the municipal service's), and the municipality's, which
 * no analyst sees exactly, as the sum of its neighbourhoods.
 */
async function exactProfile(granularity: 'MONTH' | 'YEAR'): Promise<Profile> {
  const municipal = await profile(analyst, granularity);
  const opp = await profile(oppAnalyst, granularity);
  const oppWard = city.wards[city.wards.length - 1].id;
  const oppAreas = new Set([oppWard, ...neighbourhoodsOf(oppWard)]);
  for (const [key, cell] of municipal.cells) {
    if (SPECS.get(cell.indicatorId)!.definition.sector === 'police' && oppAreas.has(cell.areaId)) municipal.cells.set(key, opp.cells.get(key)!);
  }
  for (const [key, cell] of municipal.cells) {
    if (SPECS.get(cell.indicatorId)!.definition.sector !== 'police' || cell.areaId !== city.municipality.id) continue;
    const parts = city.neighbourhoods.map((n) => municipal.cells.get(keyOf(cell.indicatorId, n.id, cell.label))!);
    municipal.cells.set(key, { ...cell, numerator: parts.reduce((sum, part) => sum + part.numerator!, 0), denominator: city.municipality.population });
  }
  return municipal;
}

describe('what a planner sees of every area, sector and period', () => {
  beforeAll(async () => {
    published = { MONTH: await profile(planner, 'MONTH'), YEAR: await profile(planner, 'YEAR') };
    exact = { MONTH: await exactProfile('MONTH'), YEAR: await exactProfile('YEAR') };
  });

  it('covers every area: 24 neighbourhoods, 4 wards and the municipality, 4 years', () => {
    expect(published.MONTH.areas).toHaveLength(29);
    expect(published.MONTH.cells.size).toBe(exact.MONTH.cells.size);
    expect(published.MONTH.cells.size).toBe(29 * SPECS.size * 48);
    expect(published.YEAR.cells.size).toBe(29 * SPECS.size * 4);
  });

  it.each(['MONTH', 'YEAR'] as const)('perturbs every count (%s): never 1 to T − 1, within the noise bound of the exact value, zeros kept, rates from perturbed counts', (granularity) => {
    const population = new Map(published[granularity].areas.map((a) => [a.id, a.population]));
    // Collected, then compared once: tens of thousands of cells.
    const problems: string[] = [];
    const check = (ok: boolean, key: string, what: string) => {
      if (!ok) problems.push(`${key}: ${what}`);
    };
    let counts = 0;
    let moved = 0;
    let noData = 0;
    for (const [key, cell] of published[granularity].cells) {
      const truth = exact[granularity].cells.get(key)!;
      const spec = SPECS.get(cell.indicatorId)!;
      if (cell.unavailableReason !== null || truth.unavailableReason !== null) {
        // A period its sector holds no data of (docs/data.md): no figure, the same for every caller.
        const { indicatorId, areaId, label, start } = cell;
        const withoutData = { indicatorId, areaId, label, start, value: null, numerator: null, denominator: null, perturbed: false, suppressed: false, suppressionReason: null, unavailableReason: 'NO_DATA' };
        check(isDeepStrictEqual(cell, withoutData) && truth.unavailableReason === 'NO_DATA', key, `no data: ${JSON.stringify(cell)} / ${JSON.stringify(truth)}`);
        noData++;
        continue;
      }
      check(cell.perturbed && !cell.suppressed && cell.suppressionReason === null, key, `not perturbed: ${JSON.stringify(cell)}`);
      const publishedCounts: [number, number, number][] = [[cell.numerator!, truth.numerator!, smallestOf(spec, spec.numerator)]];
      if (!spec.denominator) {
        check(cell.value === cell.numerator && cell.denominator === null, key, 'a count whose value is not its numerator');
      } else if (spec.denominator === 'population') {
        check(cell.denominator === population.get(cell.areaId), key, "a population that is not the area's");
      } else {
        publishedCounts.push([cell.denominator!, truth.denominator!, smallestOf(spec, spec.denominator.measure)]);
      }
      for (const [count, truthCount, smallestPublished] of publishedCounts) {
        counts++;
        if (count !== Math.round(truthCount)) moved++;
        check(possiblePublished(count, truthCount, smallestPublished), key, `published ${count} for exact ${truthCount} (T = ${smallestPublished})`);
      }
      if (spec.denominator) check(cell.value === rateValue(cell.numerator!, cell.denominator, spec.per), key, `value ${cell.value} not built on the perturbed counts`);
    }
    expect(problems).toEqual([]);
    expect(counts).toBeGreaterThan(1000);
    expect(moved).toBeGreaterThan(counts / 4);
    // Education before June 2021 and after June 2024 by month, the point-in-time count after its last (April 2023) count.
    expect(noData).toBeGreaterThan(0);
  });

  it('hides small counts of every sector, and child protection counts below 10', () => {
    const cells = [...published.MONTH.cells.values()];
    const hidden = cells.filter((c) => {
      const truth = exact.MONTH.cells.get(keyOf(c.indicatorId, c.areaId, c.label))!.numerator!;
      return Math.round(truth) >= 1 && Math.round(truth) <= 4;
    });
    expect(new Set(hidden.map((c) => SPECS.get(c.indicatorId)!.definition.sector)).size).toBeGreaterThanOrEqual(3);
    for (const cell of hidden) expect(cell.numerator === 0 || cell.numerator! >= 5).toBe(true);
    const childWelfare = cells.filter((c) => c.indicatorId.startsWith('social-services.child_welfare'));
    expect(childWelfare.some((c) => c.numerator === 0 && exact.MONTH.cells.get(keyOf(c.indicatorId, c.areaId, c.label))!.numerator! > 0)).toBe(true);
    expect(childWelfare.every((c) => c.numerator === 0 || c.numerator! >= 10)).toBe(true);
  });

  it('publishes a measure alike wherever it appears: enrolment as a count and as the base of a percentage', () => {
    for (const granularity of ['MONTH', 'YEAR'] as const) {
      let compared = 0;
      for (const cell of published[granularity].cells.values()) {
        if (cell.indicatorId !== 'education.chronic_absenteeism') continue;
        expect(published[granularity].cells.get(keyOf('education.enrolment', cell.areaId, cell.label))!.value).toBe(cell.denominator);
        compared++;
      }
      expect(compared).toBeGreaterThan(0);
    }
  });

  it('perturbs a total as a cell of its own, never as the sum of its perturbed parts', () => {
    let totals = 0;
    let notSums = 0;
    for (const cell of published.YEAR.cells.values()) {
      if (!city.wards.some((w) => w.id === cell.areaId) || SPECS.get(cell.indicatorId)!.denominator || cell.unavailableReason) continue;
      const parts = neighbourhoodsOf(cell.areaId).map((id) => published.YEAR.cells.get(keyOf(cell.indicatorId, id, cell.label))!.numerator!);
      totals++;
      if (cell.numerator !== parts.reduce((a, b) => a + b, 0)) notSums++;
    }
    expect(totals).toBeGreaterThan(50);
    expect(notSums).toBeGreaterThan(totals / 2);
  });

  it('matches the police records: the planner never sees a month of 1 to 4 violent occurrences, nor one off by more than 4', () => {
    const area = city.neighbourhoods[4];
    for (const month of MONTHS(2024)) {
      const violent = occurrences.filter((o) => o.areaId === area.id && o.category === 'VIOLENT' && o.occurredOn.startsWith(month)).length;
      const cell = published.MONTH.cells.get(keyOf('police.violent_crime_rate', area.id, month))!;
      expect({ month, possible: possiblePublished(cell.numerator!, violent, 5) }).toEqual({ month, possible: true });
      expect(exact.MONTH.cells.get(keyOf('police.violent_crime_rate', area.id, month))!.numerator).toBe(violent);
    }
  });

  it('answers the same request twice with the same output', async () => {
    const again = await profile(planner, 'MONTH');
    expect(again.raw).toEqual(published.MONTH.raw);
  });
});

describe('the age-group breakdown of ED visits', () => {
  const REASON_INDICATOR: Record<HealthVisitReason, string> = {
    MENTAL_BEHAVIOURAL: 'health.ed_mental_health_rate',
    SUBSTANCE_RELATED: 'health.ed_substance_rate',
    OPIOID_POISONING: 'health.ed_opioid_poisoning_visits',
    SELF_HARM: 'health.ed_self_harm_rate',
    ASSAULT_INJURY: 'health.ed_assault_injury_rate',
  };
  const QUARTERS = [
    ['q1', '2024-01-01', '2024-03-31'],
    ['q2', '2024-04-01', '2024-06-30'],
    ['q3', '2024-07-01', '2024-09-30'],
    ['q4', '2024-10-01', '2024-12-31'],
  ] as const;
  const AGE_GROUPS = Object.values(HealthAgeGroup);
  const AGE_GROUP_NAME = new Map(Object.entries(HealthAgeGroup).map(([name, label]) => [label, name]));

  function query(reason: HealthVisitReason): string {
    const quarters = QUARTERS.map(([alias, from, to]) => `${alias}: edVisitsByAgeGroup(from: "${from}", to: "${to}", reason: ${reason}) { ageGroup visits perturbed suppressed suppressionReason }`);
    return `{ areas(kind: WARD) { id neighbourhoodIds health {
      ${quarters.join('\n')}
      indicators(from: "2024-01-01", to: "2024-12-31", granularity: QUARTER, ids: ["${REASON_INDICATOR[reason]}"]) { observations { numerator suppressed } }
    } } }`;
  }

  it('perturbs each age group by its own key, the same through another query shape', async () => {
    let groupsChecked = 0;
    for (const reason of Object.values(HealthVisitReason)) {
      const response = await graphql(stack.gateway.url, query(reason), undefined, planner);
      expect(response.errors).toBeUndefined();
      for (const area of response.data.areas) {
        const ids = new Set<string>(area.neighbourhoodIds);
        QUARTERS.forEach(([alias, from, to]) => {
          const groups: { ageGroup: string; visits: number | null; perturbed: boolean; suppressed: boolean }[] = area.health[alias];
          const truth = AGE_GROUPS.map((ageGroup) =>
            health.edVisits
              .filter((v) => ids.has(v.areaId) && v.reason === reason && v.ageGroup === ageGroup && v.month >= from && v.month <= to)
              .reduce((sum, v) => sum + v.visits, 0),
          );
          expect(groups.map((g) => g.ageGroup)).toEqual(AGE_GROUPS.map((a) => AGE_GROUP_NAME.get(a)));
          groups.forEach((group, i) => {
            expect({ group: group.ageGroup, perturbed: group.perturbed, possible: possiblePublished(group.visits!, truth[i], 5) }).toEqual({
              group: group.ageGroup,
              perturbed: true,
              possible: true,
            });
            groupsChecked++;
          });
        });
      }
      const [ward] = response.data.areas;
      const [, from, to] = QUARTERS[2];
      const again = await graphql(
        stack.gateway.url,
        `query ($id: ID!) { area(id: $id) { health { ... on HealthProfile { groups: edVisitsByAgeGroup(reason: ${reason}, to: "${to}", from: "${from}") { visits ageGroup } } } } }`,
        { id: ward.id },
        planner,
      );
      expect(again.data.area.health.groups).toEqual(ward.health.q3.map((g: any) => ({ visits: g.visits, ageGroup: g.ageGroup })));
    }
    expect(groupsChecked).toBe(Object.values(HealthVisitReason).length * 4 * QUARTERS.length * AGE_GROUPS.length);
  });

  it("publishes perturbed groups for one calendar period at a time, and a neighbourhood's by year only", async () => {
    const ward = city.wards[0].id;
    const neighbourhood = city.neighbourhoods[0].id;
    const field = (from: string, to: string) => `edVisitsByAgeGroup(from: "${from}", to: "${to}", reason: SELF_HARM) { ageGroup visits perturbed suppressed suppressionReason }`;
    for (const [from, to] of [['2021-01-01', '2024-12-31'], ['2024-01-01', '2024-06-30'], ['2024-02-01', '2024-04-30']]) {
      const refused = await graphql(stack.gateway.url, `{ area(id: "${ward}") { health { ${field(from, to)} } } }`, undefined, planner);
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(refused.errors?.[0].message).toContain('one calendar month, quarter or year');
      // A caller who sees exact counts may ask any whole-month range.
      expect((await graphql(stack.gateway.url, `{ area(id: "${ward}") { health { ${field(from, to)} } } }`, undefined, analyst)).errors).toBeUndefined();
    }
    const fine = await graphql(
      stack.gateway.url,
      `{ area(id: "${neighbourhood}") { health { quarter: ${field('2024-04-01', '2024-06-30')} year: ${field('2024-01-01', '2024-12-31')} } } }`,
      undefined,
      planner,
    );
    expect(fine.errors).toBeUndefined();
    for (const group of fine.data.area.health.quarter) expect(group).toMatchObject({ visits: null, perturbed: false, suppressed: true, suppressionReason: 'FINE_BREAKDOWN' });
    for (const group of fine.data.area.health.year) expect(group).toMatchObject({ perturbed: true, suppressed: false, suppressionReason: null });
  });

  it('shows exact visits to a caller with records:read:health', async () => {
    const ward = city.wards[0];
    const ids = new Set(neighbourhoodsOf(ward.id));
    const response = await graphql(
      stack.gateway.url,
      `{ area(id: "${ward.id}") { health { edVisitsByAgeGroup(from: "2024-01-01", to: "2024-03-31", reason: SELF_HARM) { ageGroup visits perturbed suppressed } } } }`,
      undefined,
      analyst,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.area.health.edVisitsByAgeGroup).toEqual(
      AGE_GROUPS.map((ageGroup) => ({
        ageGroup: AGE_GROUP_NAME.get(ageGroup),
        visits: health.edVisits
          .filter((v) => ids.has(v.areaId) && v.reason === 'SELF_HARM' && v.ageGroup === ageGroup && v.month >= '2024-01-01' && v.month <= '2024-03-01')
          .reduce((sum, v) => sum + v.visits, 0),
        perturbed: false,
        suppressed: false,
      })),
    );
  });
});

describe('who sees what', () => {
  const AREA_QUERY = `query ($id: ID!) { area(id: $id) {
    police { indicators(from: "2024-01-01", to: "2024-12-31", granularity: MONTH) { indicator { id } observations { period { label } value numerator perturbed suppressed suppressionReason } } }
    health { indicators(from: "2024-01-01", to: "2024-12-31", granularity: MONTH) { indicator { id } observations { period { label } value numerator perturbed suppressed suppressionReason } } }
  } }`;

  it('shows anonymous callers wards and the municipality, never a single neighbourhood', async () => {
    const neighbourhood = await graphql(stack.gateway.url, AREA_QUERY, { id: city.neighbourhoods[0].id });
    expect(neighbourhood.errors).toBeUndefined();
    for (const sector of ['police', 'health']) {
      const observations = neighbourhood.data.area[sector].indicators.flatMap((s: any) => s.observations);
      expect(observations.length).toBeGreaterThan(0);
      for (const o of observations) expect(o).toMatchObject({ value: null, numerator: null, perturbed: false, suppressed: true, suppressionReason: 'COARSE_GEOGRAPHY_ONLY' });
    }

    for (const id of [city.wards[0].id, city.municipality.id]) {
      const response = await graphql(stack.gateway.url, AREA_QUERY, { id });
      expect(response.errors).toBeUndefined();
      const observations = response.data.area.police.indicators.flatMap((s: any) => s.observations);
      expect(observations.every((o: any) => o.perturbed && !o.suppressed)).toBe(true);
      expect(observations.filter((o: any) => o.numerator > 0).length).toBeGreaterThan(observations.length / 2);
      for (const o of observations) expect(o.numerator === 0 || o.numerator >= 5).toBe(true);
    }
  });

  it('shows a police analyst exact police counts but perturbed health counts', async () => {
    const token = bearer(await signToken({ sub: 'police-analyst', scope: 'aggregates:read records:read:police', agency: HUB_ANALYST_AGENCY, sector: 'police', purpose: 'evaluation' }));
    // Policed by the analyst's own service only.
    const area = city.neighbourhoods[6];
    const response = await graphql(stack.gateway.url, AREA_QUERY, { id: area.id }, token);
    expect(response.errors).toBeUndefined();
    const series = (sector: string, id: string) => response.data.area[sector].indicators.find((s: any) => s.indicator.id === id).observations;

    const crisis = series('police', 'police.person_in_crisis_calls');
    const apprehensions = series('police', 'police.mha_apprehensions');
    MONTHS(2024).forEach((month, i) => {
      const inMonth = calls.filter((c) => c.areaId === area.id && c.callType === 'PERSON_IN_CRISIS' && c.receivedOn.startsWith(month));
      expect(crisis[i]).toEqual({ period: { label: month }, value: inMonth.length, numerator: inMonth.length, perturbed: false, suppressed: false, suppressionReason: null });
      expect(apprehensions[i].value).toBe(inMonth.filter((c) => c.mhaApprehension).length);
    });
    expect(crisis.some((o: any) => o.value % 5 !== 0)).toBe(true);

    // Health: every count perturbed, as for any caller without records:read:health.
    let perturbed = 0;
    let moved = 0;
    for (const [id, reason] of [['health.ed_opioid_poisoning_visits', 'OPIOID_POISONING'], ['health.ed_mental_health_rate', 'MENTAL_BEHAVIOURAL']]) {
      const observations = series('health', id);
      MONTHS(2024).forEach((month, i) => {
        const visits = health.edVisits
          .filter((v) => v.areaId === area.id && v.reason === reason && v.month === `${month}-01`)
          .reduce((sum, v) => sum + v.visits, 0);
        expect(observations[i]).toMatchObject({ perturbed: true, suppressed: false });
        expect({ month, possible: possiblePublished(observations[i].numerator, visits, 5) }).toEqual({ month, possible: true });
        perturbed++;
        if (observations[i].numerator !== visits) moved++;
      });
    }
    expect(perturbed).toBe(24);
    expect(moved).toBeGreaterThan(0);
  });
});
