import { readSeed } from '@cswb/contract/config';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import {
  GeneratedEdVisitCount,
  GeneratedHospitalizationCount,
  GeneratedParamedicOverdoseCount,
  generateHealthCounts,
  HealthAgeGroup,
  HealthVisitReason,
  subgraph,
} from '@cswb/subgraph-health';
import { analystHeaders } from '@cswb/testing/analyst';
import { graphql as graphqlAs } from '@cswb/testing/graphql';
import { startTestSubgraph, TestSubgraph } from '@cswb/testing/subgraph';

const city = createSyntheticCity('small', readSeed({}));
const edVisits: GeneratedEdVisitCount[] = [];
const hospitalizations: GeneratedHospitalizationCount[] = [];
const paramedicCalls: GeneratedParamedicOverdoseCount[] = [];
for (const month of generateHealthCounts(city)) {
  edVisits.push(...month.edVisits);
  hospitalizations.push(...month.hospitalizations);
  paramedicCalls.push(...month.paramedicOverdoseCalls);
}

/** GraphQL enum name of each stored age-group label ('0-11' → 'AGE_0_11'). */
const AGE_GROUP_NAME = new Map(Object.entries(HealthAgeGroup).map(([name, label]) => [label, name]));
const AGE_GROUPS = Object.values(HealthAgeGroup);
const REASONS = Object.values(HealthVisitReason);

const sum = <T>(rows: T[], value: (row: T) => number) => rows.reduce((total, row) => total + value(row), 0);
const per100k = (count: number, population: number) => Math.round((count / population) * 100_000 * 1000) / 1000;

let health: TestSubgraph;
/** Record-level rights in every sector: the exact values these tests compare. */
let analyst: Record<string, string>;
/** This file tests the sector's data, not its access rules (test/accessMatrix.test.ts does): it reads as a hub analyst unless a call says otherwise. */
const graphql: typeof graphqlAs = (url, query, variables, headers) => graphqlAs(url, query, variables, headers ?? analyst);

beforeAll(async () => {
  analyst = await analystHeaders();
  health = await startTestSubgraph(subgraph);
});
afterAll(async () => {
  await health?.stop();
});

const ENTITIES = `
  query ($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!, $g: Granularity!) {
    _entities(representations: $r) {
      ... on Area {
        id
        health {
          indicators(from: $from, to: $to, granularity: $g) {
            indicator { id unit frameworkArea }
            observations { areaId period { label } value numerator denominator }
          }
        }
      }
    }
  }`;

const AGE_GROUPS_QUERY = `
  query ($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!, $reason: HealthVisitReason) {
    _entities(representations: $r) {
      ... on Area { id health { edVisitsByAgeGroup(from: $from, to: $to, reason: $reason) { ageGroup visits } } }
    }
  }`;

/** An area as the gateway sends it: the key only (population and neighbourhoods come from the subgraph's own registry). */
function representation(area: { id: string }) {
  return { __typename: 'Area', id: area.id };
}

/** A ward as the registry knows it: its neighbourhoods and their combined population (what the expectations use). */
function wardFacts(wardId: string) {
  const members = city.neighbourhoods.filter((n) => n.parentId === wardId);
  expect(members.length).toBeGreaterThan(1);
  return { id: wardId, population: sum(members, (n) => n.population), neighbourhoodIds: members.map((n) => n.id) };
}

describe('health subgraph', () => {
  it('computes monthly indicators from the shared counts for a neighbourhood', async () => {
    const area = city.neighbourhoods[5];
    const response = await graphql(health, ENTITIES, { r: [representation(area)], from: '2024-01-01', to: '2024-12-31', g: 'MONTH' }, analyst);
    expect(response.errors).toBeUndefined();
    const series = response.data._entities[0].health.indicators;
    expect(series.map((s: any) => s.indicator.id)).toHaveLength(8);

    const mentalHealth = series.find((s: any) => s.indicator.id === 'health.ed_mental_health_rate');
    expect(mentalHealth.indicator).toEqual({ id: 'health.ed_mental_health_rate', unit: 'per 100,000 residents', frameworkArea: 'PREVENTION' });
    expect(mentalHealth.observations).toHaveLength(12);
    const march = sum(
      edVisits.filter((v) => v.areaId === area.id && v.reason === 'MENTAL_BEHAVIOURAL' && v.month === '2024-03-01'),
      (v) => v.visits,
    );
    expect(march).toBeGreaterThan(0);
    expect(mentalHealth.observations[2]).toEqual({
      areaId: area.id,
      period: { label: '2024-03' },
      value: per100k(march, area.population),
      numerator: march,
      denominator: area.population,
    });

    const opioid = series.find((s: any) => s.indicator.id === 'health.ed_opioid_poisoning_visits');
    const opioidByMonth = opioid.observations.map((o: any) => o.value);
    const expectedByMonth = Array.from({ length: 12 }, (_, i) =>
      sum(edVisits.filter((v) => v.areaId === area.id && v.reason === 'OPIOID_POISONING' && v.month === `2024-${String(i + 1).padStart(2, '0')}-01`), (v) => v.visits),
    );
    expect(opioidByMonth).toEqual(expectedByMonth);
    expect(opioid.observations[0].denominator).toBeNull();
  });

  it('sums the neighbourhoods of a ward-like area, never averaging their rates', async () => {
    const ward = wardFacts(city.wards[1].id);
    const response = await graphql(health, ENTITIES, { r: [representation(ward)], from: '2023-01-01', to: '2023-12-31', g: 'YEAR' }, analyst);
    expect(response.errors).toBeUndefined();
    const series = response.data._entities[0].health.indicators;
    const inWard = (row: { areaId: string; month: string }) => ward.neighbourhoodIds.includes(row.areaId) && row.month.startsWith('2023-');

    const admissions = sum(hospitalizations.filter((h) => inWard(h) && h.reason === 'MENTAL_BEHAVIOURAL'), (h) => h.admissions);
    const hospital = series.find((s: any) => s.indicator.id === 'health.mental_health_hospitalization_rate');
    expect(hospital.observations).toEqual([
      { areaId: ward.id, period: { label: '2023' }, value: per100k(admissions, ward.population), numerator: admissions, denominator: ward.population },
    ]);

    const calls = sum(paramedicCalls.filter(inWard), (p) => p.calls);
    expect(calls).toBeGreaterThan(0);
    const paramedic = series.find((s: any) => s.indicator.id === 'health.paramedic_overdose_calls');
    expect(paramedic.observations[0]).toMatchObject({ value: calls, numerator: calls, denominator: null });
  });

  it('answers all neighbourhoods with one SQL statement per field (after one for the areas)', async () => {
    const representations = city.neighbourhoods.map((n) => representation(n));
    expect(representations).toHaveLength(24);
    health.counter.reset();
    const indicators = await graphql(health, ENTITIES, { r: representations, from: '2021-01-01', to: '2024-12-31', g: 'QUARTER' });
    expect(indicators.errors).toBeUndefined();
    expect(indicators.data._entities).toHaveLength(24);
    // The areas from the registry, then the measures of all of them.
    expect(health.counter.count).toBe(2);

    health.counter.reset();
    const byAge = await graphql(health, AGE_GROUPS_QUERY, { r: representations, from: '2022-01-01', to: '2022-12-31', reason: 'SELF_HARM' });
    expect(byAge.errors).toBeUndefined();
    expect(byAge.data._entities).toHaveLength(24);
    expect(health.counter.count).toBe(2);
  });

  it('filters indicators by framework area', async () => {
    const response = await graphql(
      health,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Area { health {
          indicators(from: "2024-01-01", to: "2024-12-31", frameworkArea: INCIDENT_RESPONSE) { indicator { id } }
      } } } }`,
      { r: [representation(city.neighbourhoods[0])] },
    );
    expect(response.data._entities[0].health.indicators).toEqual([
      { indicator: { id: 'health.ed_assault_injury_rate' } },
      { indicator: { id: 'health.paramedic_overdose_calls' } },
    ]);
  });

  it('totals ED visits by age group, matching the generator and the indicator numerator', async () => {
    const ward = wardFacts(city.wards[2].id);
    const neighbourhood = { id: city.neighbourhoods[3].id, neighbourhoodIds: [city.neighbourhoods[3].id] };
    const [from, to] = ['2022-04-01', '2023-09-30'];
    const inRange = (v: GeneratedEdVisitCount, ids: string[]) => ids.includes(v.areaId) && v.month >= from && v.month <= to;
    const response = await graphql(health, AGE_GROUPS_QUERY, { r: [representation(ward), representation(neighbourhood)], from, to, reason: 'SELF_HARM' }, analyst);
    expect(response.errors).toBeUndefined();

    for (const [i, area] of [ward, neighbourhood].entries()) {
      const expected = AGE_GROUPS.map((ageGroup) => ({
        ageGroup: AGE_GROUP_NAME.get(ageGroup),
        visits: sum(edVisits.filter((v) => inRange(v, area.neighbourhoodIds) && v.reason === 'SELF_HARM' && v.ageGroup === ageGroup), (v) => v.visits),
      }));
      expect(response.data._entities[i].health.edVisitsByAgeGroup).toEqual(expected);
    }
    const wardByAge: { visits: number }[] = response.data._entities[0].health.edVisitsByAgeGroup;
    // Self-harm is concentrated in adolescents and young adults.
    expect(wardByAge[1].visits + wardByAge[2].visits).toBeGreaterThan(sum(wardByAge, (a) => a.visits) * 0.4);

    const indicator = await graphql(
      health,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Area { health {
          indicators(from: "${from}", to: "${to}", granularity: QUARTER, ids: ["health.ed_self_harm_rate"]) { observations { numerator } }
      } } } }`,
      { r: [representation(ward)] },
      analyst,
    );
    const numerator = sum(indicator.data._entities[0].health.indicators[0].observations, (o: any) => o.numerator);
    expect(numerator).toBeGreaterThan(0);
    expect(sum(wardByAge, (a) => a.visits)).toBe(numerator);

    const allReasons = await graphql(health, AGE_GROUPS_QUERY, { r: [representation(neighbourhood)], from, to }, analyst);
    expect(sum(allReasons.data._entities[0].health.edVisitsByAgeGroup, (a: any) => a.visits)).toBe(
      sum(edVisits.filter((v) => inRange(v, neighbourhood.neighbourhoodIds)), (v) => v.visits),
    );

    const backwards = await graphql(health, AGE_GROUPS_QUERY, { r: [representation(neighbourhood)], from: to, to: from });
    expect(backwards.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'from' } });
  });

  it('lists monthly ED visit counts in a stable order with a bounded limit', async () => {
    const area = city.neighbourhoods[1];
    const response = await graphql(
      health,
      `{ healthEdVisits(areaId: "${area.id}", from: "2024-01-15", to: "2024-02-10", limit: 1000) { areaId month reason ageGroup sex visits } }`,
    );
    expect(response.errors).toBeUndefined();
    const expected = edVisits
      .filter((v) => v.areaId === area.id && (v.month === '2024-01-01' || v.month === '2024-02-01'))
      .sort(
        (a, b) =>
          a.month.localeCompare(b.month) ||
          REASONS.indexOf(a.reason) - REASONS.indexOf(b.reason) ||
          AGE_GROUPS.indexOf(a.ageGroup) - AGE_GROUPS.indexOf(b.ageGroup) ||
          a.sex.localeCompare(b.sex),
      )
      .map((v) => ({ ...v, ageGroup: AGE_GROUP_NAME.get(v.ageGroup) }));
    expect(expected.length).toBeGreaterThan(10);
    expect(response.data.healthEdVisits).toEqual(expected);

    const firstThree = await graphql(
      health,
      `{ healthEdVisits(areaId: "${area.id}", from: "2024-01-01", to: "2024-12-31", reason: OPIOID_POISONING, limit: 3) { month reason visits } }`,
    );
    const opioid = edVisits.filter((v) => v.areaId === area.id && v.reason === 'OPIOID_POISONING' && v.month.startsWith('2024-'));
    expect(firstThree.data.healthEdVisits).toHaveLength(Math.min(3, opioid.length));
    expect(firstThree.data.healthEdVisits[0]).toEqual({ month: opioid[0].month, reason: 'OPIOID_POISONING', visits: opioid[0].visits });

    for (const limit of [0, 5000]) {
      const rejected = await graphql(health, `{ healthEdVisits(areaId: "${area.id}", from: "2024-01-01", to: "2024-01-31", limit: ${limit}) { visits } }`);
      expect(rejected.errors?.[0]).toMatchObject({
        message: `limit must be from 1 to 1000, got ${limit}`,
        extensions: { code: 'BAD_USER_INPUT', argument: 'limit' },
      });
    }
  });

  it('models a deprivation gradient and the opioid trend', () => {
    const byDeprivation = [...city.neighbourhoods].sort((a, b) => a.deprivation - b.deprivation);
    const rate = (areas: typeof byDeprivation, rows: GeneratedEdVisitCount[]) => {
      const ids = new Set(areas.map((a) => a.id));
      return sum(rows.filter((v) => ids.has(v.areaId)), (v) => v.visits) / sum(areas, (a) => a.population);
    };
    const opioid = edVisits.filter((v) => v.reason === 'OPIOID_POISONING');
    expect(rate(byDeprivation.slice(-8), opioid)).toBeGreaterThan(2 * rate(byDeprivation.slice(0, 8), opioid));

    const opioidIn = (year: number) => sum(opioid.filter((v) => v.month.startsWith(`${year}-`)), (v) => v.visits);
    expect(opioidIn(2022)).toBeGreaterThan(opioidIn(2021));
    const mentalHealth = edVisits.filter((v) => v.reason === 'MENTAL_BEHAVIOURAL' && v.month.startsWith('2024-'));
    const cityRate = (sum(mentalHealth, (v) => v.visits) / sum(city.neighbourhoods, (n) => n.population)) * 100_000;
    expect(cityRate).toBeGreaterThan(1000);
    expect(cityRate).toBeLessThan(2000);
  });
});
