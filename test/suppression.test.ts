import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';
import { measureThresholds } from '@cswb/subgraph-kit/privacy';
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
 * no record-level rights) sees, and the differencing attacks that must not give a suppressed
 * cell back. Exact values come from a hub analyst (record-level rights in every sector, whose
 * values the sector tests check against the generators; for police see exactProfile) and from
 * the generators themselves.
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
  stack = await startTestStack('suppression');
});
afterAll(async () => {
  await stack?.stop();
});

const SERIES_SELECTION = 'observations { period { label } value numerator denominator }';
const DOCUMENTED = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'queries', 'all-areas-profile.graphql'), 'utf8');
if (!DOCUMENTED.includes(SERIES_SELECTION)) throw new Error('docs/queries/all-areas-profile.graphql no longer selects the observation fields this test extends');
/** The documented all-areas query, asking also whether and why each observation is suppressed. */
const PROFILE_QUERY = DOCUMENTED.replace(SERIES_SELECTION, 'observations { period { label start } value numerator denominator suppressed suppressionReason }');

const SECTOR_FIELDS = ['police', 'health', 'education', 'housing', 'socialServices', 'situationTable'] as const;
const SECTOR_SPECS = discoverSubgraphs()
  .filter((s) => s.definition.indicators?.length)
  .map((s) => s.definition.indicators as readonly IndicatorSpec[]);
const SPECS = new Map(SECTOR_SPECS.flat().map((spec) => [spec.definition.id, spec]));
/** Each measure's threshold, keyed `sector|measure`. */
const THRESHOLDS = new Map(
  SECTOR_SPECS.flatMap((specs) => [...measureThresholds(specs)].map(([measure, t]) => [`${specs[0].definition.sector}|${measure}`, t] as const)),
);
const thresholdOf = (spec: IndicatorSpec, measure: string) => THRESHOLDS.get(`${spec.definition.sector}|${measure}`)!;

interface Cell {
  indicatorId: string;
  areaId: string;
  label: string;
  start: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  suppressionReason: string | null;
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

/** True for multiples of 5, negative ones and -0 included. */
const multipleOf5 = (n: number) => n % 5 === 0;
const isSmall = (n: number, threshold: number) => Math.round(n) >= 1 && Math.round(n) < threshold;
const multiplesAround = (exact: number) => [Math.floor(Math.round(exact) / 5) * 5, Math.ceil(Math.round(exact) / 5) * 5];

const wardOf = new Map(city.neighbourhoods.map((n) => [n.id, n.parentId]));
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

  it.each(['MONTH', 'YEAR'] as const)('publishes no count from 1 to 4 (%s): every count is a multiple of 5 next to the exact value', (granularity) => {
    const population = new Map(published[granularity].areas.map((a) => [a.id, a.population]));
    // Collected, then compared once: tens of thousands of cells.
    const problems: string[] = [];
    const check = (ok: boolean, key: string, what: string) => {
      if (!ok) problems.push(`${key}: ${what}`);
    };
    let counts = 0;
    let moved = 0;
    for (const [key, cell] of published[granularity].cells) {
      const truth = exact[granularity].cells.get(key)!;
      const spec = SPECS.get(cell.indicatorId)!;
      const base = spec.denominator && spec.denominator !== 'population' ? spec.denominator.measure : null;
      const small = isSmall(truth.numerator!, thresholdOf(spec, spec.numerator));
      const smallBase = base !== null && isSmall(truth.denominator!, thresholdOf(spec, base));

      check(cell.suppressed === (small || smallBase), key, `suppressed ${cell.suppressed}, exact ${truth.numerator}/${truth.denominator}`);
      if (cell.suppressed) {
        const reason = small ? 'SMALL_COUNT' : 'SMALL_DENOMINATOR';
        check(cell.value === null && cell.numerator === null && cell.denominator === null && cell.suppressionReason === reason, key, JSON.stringify(cell));
        continue;
      }
      check(cell.suppressionReason === null, key, 'a reason without suppression');
      const publishedCounts: [number, number][] = [[cell.numerator!, truth.numerator!]];
      if (!spec.denominator) {
        check(cell.value === cell.numerator && cell.denominator === null, key, 'a count whose value is not its numerator');
      } else if (spec.denominator === 'population') {
        check(cell.denominator === population.get(cell.areaId), key, 'a population that is not the area\'s');
      } else {
        publishedCounts.push([cell.denominator!, truth.denominator!]);
      }
      for (const [count, truthCount] of publishedCounts) {
        counts++;
        if (count !== truthCount) moved++;
        check(multipleOf5(count) && !(count >= 1 && count <= 4), key, `published ${count}`);
        check(multiplesAround(truthCount).includes(count), key, `published ${count} for exact ${truthCount}`);
      }
      if (spec.denominator) check(cell.value === rateValue(cell.numerator!, cell.denominator, spec.per), key, `value ${cell.value} not built on the rounded counts`);
    }
    expect(problems).toEqual([]);
    expect(counts).toBeGreaterThan(1000);
    expect(moved).toBeGreaterThan(counts / 3);
  });

  it('suppresses some cells of the small city, mostly neighbourhood-months, and honours a per-indicator threshold', () => {
    const suppressed = [...published.MONTH.cells.values()].filter((c) => c.suppressed);
    expect(suppressed.length).toBeGreaterThan(100);
    const sectors = new Set(suppressed.map((c) => SPECS.get(c.indicatorId)!.definition.sector));
    expect(sectors.size).toBeGreaterThanOrEqual(3);
    expect(suppressed.filter((c) => wardOf.has(c.areaId)).length).toBeGreaterThan(suppressed.length * 0.8);
    // Child protection counts suppress below 10: a published one is never 5.
    const childWelfare = [...published.MONTH.cells.values()].filter((c) => c.indicatorId.startsWith('social-services.child_welfare'));
    expect(childWelfare.some((c) => c.suppressed)).toBe(true);
    expect(childWelfare.every((c) => c.suppressed || c.numerator === 0 || c.numerator! >= 10)).toBe(true);
  });

  it('rounds a measure alike wherever it is published: enrolment as a count and as the base of a percentage', () => {
    for (const granularity of ['MONTH', 'YEAR'] as const) {
      for (const cell of published[granularity].cells.values()) {
        if (cell.indicatorId !== 'education.chronic_absenteeism' || cell.suppressed) continue;
        expect(published[granularity].cells.get(keyOf('education.enrolment', cell.areaId, cell.label))!.value).toBe(cell.denominator);
      }
    }
  });

  it('defeats differencing across areas: ward month minus its other neighbourhoods is a multiple of 5, never the suppressed count', () => {
    let attacks = 0;
    for (const cell of published.MONTH.cells.values()) {
      const parent = wardOf.get(cell.areaId);
      if (!parent || cell.suppressionReason !== 'SMALL_COUNT') continue;
      const ward = published.MONTH.cells.get(keyOf(cell.indicatorId, parent, cell.label))!;
      const others = neighbourhoodsOf(parent)
        .filter((id) => id !== cell.areaId)
        .map((id) => published.MONTH.cells.get(keyOf(cell.indicatorId, id, cell.label))!);
      if (ward.suppressed || others.some((o) => o.suppressed)) continue;

      const truth = exact.MONTH.cells.get(keyOf(cell.indicatorId, cell.areaId, cell.label))!.numerator!;
      // Without rounding the attack would work: the ward is the sum of its neighbourhoods.
      const exactWard = exact.MONTH.cells.get(keyOf(cell.indicatorId, parent, cell.label))!.numerator!;
      const exactOthers = others.reduce((sum, o) => sum + exact.MONTH.cells.get(keyOf(o.indicatorId, o.areaId, o.label))!.numerator!, 0);
      expect(exactWard - exactOthers).toBeCloseTo(truth, 6);

      const recovered = ward.numerator! - others.reduce((sum, o) => sum + o.numerator!, 0);
      expect(multipleOf5(recovered)).toBe(true);
      expect(recovered).not.toBe(truth);
      expect(recovered).not.toBe(Math.round(truth));
      attacks++;
    }
    expect(attacks).toBeGreaterThan(10);
  });

  it('defeats differencing across periods: neighbourhood year minus its other months is a multiple of 5, never the suppressed count', () => {
    let attacks = 0;
    for (const cell of published.MONTH.cells.values()) {
      if (!wardOf.has(cell.areaId) || cell.suppressionReason !== 'SMALL_COUNT') continue;
      const year = Number(cell.label.slice(0, 4));
      const yearCell = published.YEAR.cells.get(keyOf(cell.indicatorId, cell.areaId, String(year)))!;
      const others = MONTHS(year)
        .filter((m) => m !== cell.label)
        .map((m) => published.MONTH.cells.get(keyOf(cell.indicatorId, cell.areaId, m))!);
      if (yearCell.suppressed || others.some((o) => o.suppressed)) continue;

      const exactMonths = MONTHS(year).map((m) => exact.MONTH.cells.get(keyOf(cell.indicatorId, cell.areaId, m))!.numerator!);
      const exactYear = exact.YEAR.cells.get(keyOf(cell.indicatorId, cell.areaId, String(year)))!.numerator!;
      // Stocks average over the months: only flows give a year as the sum of its months.
      if (Math.abs(exactYear - exactMonths.reduce((a, b) => a + b, 0)) > 1e-6) continue;

      const truth = exact.MONTH.cells.get(keyOf(cell.indicatorId, cell.areaId, cell.label))!.numerator!;
      const recovered = yearCell.numerator! - others.reduce((sum, o) => sum + o.numerator!, 0);
      expect(multipleOf5(recovered)).toBe(true);
      expect(recovered).not.toBe(truth);
      attacks++;
    }
    expect(attacks).toBeGreaterThan(10);
  });

  it('matches the police records: the planner never sees a month of 1 to 4 violent occurrences', () => {
    const area = city.neighbourhoods[4];
    for (const month of MONTHS(2024)) {
      const violent = occurrences.filter((o) => o.areaId === area.id && o.category === 'VIOLENT' && o.occurredOn.startsWith(month)).length;
      const cell = published.MONTH.cells.get(keyOf('police.violent_crime_rate', area.id, month))!;
      if (violent >= 1 && violent <= 4) expect(cell).toMatchObject({ suppressed: true, numerator: null, value: null });
      else expect(multiplesAround(violent)).toContain(cell.numerator);
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
    const quarters = QUARTERS.map(([alias, from, to]) => `${alias}: edVisitsByAgeGroup(from: "${from}", to: "${to}", reason: ${reason}) { ageGroup visits suppressed suppressionReason }`);
    return `{ areas { id neighbourhoodIds health {
      ${quarters.join('\n')}
      indicators(from: "2024-01-01", to: "2024-12-31", granularity: QUARTER, ids: ["${REASON_INDICATOR[reason]}"]) { observations { numerator suppressed } }
    } } }`;
  }

  it('rounds each age group on its own, so the total minus the other groups never gives a suppressed group back', async () => {
    let attacks = 0;
    let suppressedGroups = 0;
    for (const reason of Object.values(HealthVisitReason)) {
      const response = await graphql(stack.gateway.url, query(reason), undefined, planner);
      expect(response.errors).toBeUndefined();
      for (const area of response.data.areas) {
        const ids = new Set<string>(area.neighbourhoodIds);
        QUARTERS.forEach(([alias, from, to], q) => {
          const groups: { ageGroup: string; visits: number | null; suppressed: boolean; suppressionReason: string | null }[] = area.health[alias];
          const truth = AGE_GROUPS.map((ageGroup) =>
            health.edVisits
              .filter((v) => ids.has(v.areaId) && v.reason === reason && v.ageGroup === ageGroup && v.month >= from && v.month <= to)
              .reduce((sum, v) => sum + v.visits, 0),
          );
          expect(groups.map((g) => g.ageGroup)).toEqual(AGE_GROUPS.map((a) => AGE_GROUP_NAME.get(a)));
          groups.forEach((group, i) => {
            expect(group.suppressed).toBe(truth[i] >= 1 && truth[i] <= 4);
            if (group.suppressed) {
              expect(group).toMatchObject({ visits: null, suppressionReason: 'SMALL_COUNT' });
              suppressedGroups++;
            } else {
              expect(group.visits! % 5).toBe(0);
              expect(multiplesAround(truth[i])).toContain(group.visits);
            }
          });

          const total = area.health.indicators[0].observations[q];
          expect(total.suppressed).toBe(isSmall(truth.reduce((a, b) => a + b, 0), 5));
          groups.forEach((group, i) => {
            const others = groups.filter((_, j) => j !== i);
            if (!group.suppressed || total.suppressed || others.some((o) => o.suppressed)) return;
            const recovered = total.numerator - others.reduce((sum, o) => sum + o.visits!, 0);
            expect(multipleOf5(recovered)).toBe(true);
            expect(recovered).not.toBe(truth[i]);
            attacks++;
          });
        });
      }
    }
    expect(suppressedGroups).toBeGreaterThan(10);
    expect(attacks).toBeGreaterThan(5);
  });

  it('rounds a cell by what it counts: widening the range over months without visits draws no fresh rounding', async () => {
    const selection = 'ageGroup visits suppressed';
    const response = await graphql(
      stack.gateway.url,
      `{ areas { id health {
          last: edVisitsByAgeGroup(from: "2024-01-01", to: "2024-12-31", reason: OPIOID_POISONING) { ${selection} }
          later: edVisitsByAgeGroup(from: "2024-01-01", to: "2030-12-31", reason: OPIOID_POISONING) { ${selection} }
          first: edVisitsByAgeGroup(from: "2021-01-01", to: "2021-12-31", reason: OPIOID_POISONING) { ${selection} }
          earlier: edVisitsByAgeGroup(from: "2015-01-01", to: "2021-12-31", reason: OPIOID_POISONING) { ${selection} }
      } } }`,
      undefined,
      planner,
    );
    expect(response.errors).toBeUndefined();
    for (const area of response.data.areas) {
      expect(area.health.later).toEqual(area.health.last);
      expect(area.health.earlier).toEqual(area.health.first);
    }
    expect(response.data.areas.some((a: any) => a.health.last.some((g: any) => !g.suppressed && g.visits > 0))).toBe(true);
  });

  it('shows exact visits to a caller with records:read:health', async () => {
    const ward = city.wards[0];
    const ids = new Set(neighbourhoodsOf(ward.id));
    const response = await graphql(
      stack.gateway.url,
      `{ area(id: "${ward.id}") { health { edVisitsByAgeGroup(from: "2024-01-01", to: "2024-03-31", reason: SELF_HARM) { ageGroup visits suppressed } } } }`,
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
        suppressed: false,
      })),
    );
  });
});

describe('who sees what', () => {
  const AREA_QUERY = `query ($id: ID!) { area(id: $id) {
    police { indicators(from: "2024-01-01", to: "2024-12-31", granularity: MONTH) { indicator { id } observations { period { label } value numerator suppressed suppressionReason } } }
    health { indicators(from: "2024-01-01", to: "2024-12-31", granularity: MONTH) { indicator { id } observations { period { label } value numerator suppressed suppressionReason } } }
  } }`;

  it('shows anonymous callers wards and the municipality, never a single neighbourhood', async () => {
    const neighbourhood = await graphql(stack.gateway.url, AREA_QUERY, { id: city.neighbourhoods[0].id });
    expect(neighbourhood.errors).toBeUndefined();
    for (const sector of ['police', 'health']) {
      const observations = neighbourhood.data.area[sector].indicators.flatMap((s: any) => s.observations);
      expect(observations.length).toBeGreaterThan(0);
      for (const o of observations) expect(o).toMatchObject({ value: null, numerator: null, suppressed: true, suppressionReason: 'COARSE_GEOGRAPHY_ONLY' });
    }

    for (const id of [city.wards[0].id, city.municipality.id]) {
      const response = await graphql(stack.gateway.url, AREA_QUERY, { id });
      expect(response.errors).toBeUndefined();
      const observations = response.data.area.police.indicators.flatMap((s: any) => s.observations);
      expect(observations.every((o: any) => o.suppressionReason !== 'COARSE_GEOGRAPHY_ONLY')).toBe(true);
      expect(observations.filter((o: any) => !o.suppressed && o.numerator > 0).length).toBeGreaterThan(observations.length / 2);
      for (const o of observations.filter((o: any) => !o.suppressed)) expect(o.numerator % 5).toBe(0);
    }
  });

  it('shows a police analyst exact police counts but rounded health counts', async () => {
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
      expect(crisis[i]).toEqual({ period: { label: month }, value: inMonth.length, numerator: inMonth.length, suppressed: false, suppressionReason: null });
      expect(apprehensions[i].value).toBe(inMonth.filter((c) => c.mhaApprehension).length);
    });
    expect(crisis.some((o: any) => o.value % 5 !== 0)).toBe(true);

    // Health: every count suppressed or rounded, as for any caller without records:read:health.
    let rounded = 0;
    let moved = 0;
    for (const [id, reason] of [['health.ed_opioid_poisoning_visits', 'OPIOID_POISONING'], ['health.ed_mental_health_rate', 'MENTAL_BEHAVIOURAL']]) {
      const observations = series('health', id);
      MONTHS(2024).forEach((month, i) => {
        const visits = health.edVisits
          .filter((v) => v.areaId === area.id && v.reason === reason && v.month === `${month}-01`)
          .reduce((sum, v) => sum + v.visits, 0);
        if (visits >= 1 && visits <= 4) {
          expect(observations[i]).toMatchObject({ value: null, numerator: null, suppressed: true, suppressionReason: 'SMALL_COUNT' });
          return;
        }
        expect(observations[i].suppressed).toBe(false);
        expect(multiplesAround(visits)).toContain(observations[i].numerator);
        rounded++;
        if (observations[i].numerator !== visits) moved++;
      });
    }
    expect(rounded).toBeGreaterThan(6);
    expect(moved).toBeGreaterThan(0);
  });
});
