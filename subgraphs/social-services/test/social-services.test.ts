import { readSeed } from '@cswb/contract/config';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import {
  GeneratedCaseload,
  GeneratedChildWelfare,
  GeneratedFoodBank,
  GeneratedProgram,
  generateSocialServicesRecords,
  ServiceCategory,
  subgraph,
} from '@cswb/subgraph-social-services';
import { analystHeaders } from '@cswb/testing/analyst';
import { graphql } from '@cswb/testing/graphql';
import { startTestSubgraph, TestSubgraph } from '@cswb/testing/subgraph';

const city = createSyntheticCity('small', readSeed({}));
const caseloads: GeneratedCaseload[] = [];
const childWelfare: GeneratedChildWelfare[] = [];
const foodBank: GeneratedFoodBank[] = [];
const programs: GeneratedProgram[] = [];
for (const batch of generateSocialServicesRecords(city)) {
  caseloads.push(...batch.caseloads);
  childWelfare.push(...batch.childWelfare);
  foodBank.push(...batch.foodBank);
  programs.push(...batch.programs);
}

let socialServices: TestSubgraph;
/** Record-level rights in every sector: the exact values these tests compare. */
let analyst: Record<string, string>;

beforeAll(async () => {
  analyst = await analystHeaders();
  socialServices = await startTestSubgraph(subgraph);
});
afterAll(async () => {
  await socialServices?.stop();
});

const ENTITIES = `
  query ($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!, $g: Granularity!) {
    _entities(representations: $r) {
      ... on Area {
        id
        socialServices {
          indicators(from: $from, to: $to, granularity: $g) {
            indicator { id unit frameworkArea }
            observations { areaId period { label } value numerator denominator }
          }
        }
      }
    }
  }`;

const PROGRAM_FIELDS = 'programCode name provider frameworkArea eligibility categories areaIds';

/** An area as the gateway sends it: the key only (population and neighbourhoods come from the subgraph's own registry). */
function representation(area: { id: string }) {
  return { __typename: 'Area', id: area.id };
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** What the API returns for a generated program: categories alphabetically, areas in id order. */
function listed(program: GeneratedProgram) {
  const { categories, ...rest } = program;
  return { ...rest, categories: [...categories].sort() };
}

function byCode(a: GeneratedProgram, b: GeneratedProgram): number {
  return a.programCode < b.programCode ? -1 : a.programCode > b.programCode ? 1 : 0;
}

describe('social-services subgraph', () => {
  it('computes monthly caseload indicators of a neighbourhood from its records', async () => {
    const area = city.neighbourhoods[3];
    const response = await graphql(socialServices, ENTITIES, { r: [representation(area)], from: '2024-01-01', to: '2024-12-31', g: 'MONTH' }, analyst);
    expect(response.errors).toBeUndefined();
    const series = response.data._entities[0].socialServices.indicators;
    expect(series.map((s: any) => s.indicator.id)).toEqual([
      'social-services.ow_case_rate',
      'social-services.odsp_case_rate',
      'social-services.ow_beneficiaries',
      'social-services.child_welfare_investigation_rate',
      'social-services.child_welfare_substantiation_share',
      'social-services.food_bank_visit_rate',
    ]);

    const march = caseloads.find((c) => c.areaId === area.id && c.month === '2024-03-01' && c.program === 'ONTARIO_WORKS')!;
    const owRate = series.find((s: any) => s.indicator.id === 'social-services.ow_case_rate');
    expect(owRate.indicator).toEqual({ id: 'social-services.ow_case_rate', unit: 'per 1,000 residents', frameworkArea: 'SOCIAL_DEVELOPMENT' });
    expect(owRate.observations).toHaveLength(12);
    expect(owRate.observations[2]).toEqual({
      areaId: area.id,
      period: { label: '2024-03' },
      value: round3((march.cases / area.population) * 1000),
      numerator: march.cases,
      denominator: area.population,
    });
    const beneficiaries = series.find((s: any) => s.indicator.id === 'social-services.ow_beneficiaries');
    expect(beneficiaries.observations[2]).toMatchObject({ value: march.beneficiaries, numerator: march.beneficiaries, denominator: null });
    expect(march.beneficiaries).toBeGreaterThan(march.cases);
  });

  it('sums a ward-like area over its neighbourhoods: flows add up, caseloads average over the months', async () => {
    const ward = city.wards[1];
    const members = city.neighbourhoods.filter((n) => n.parentId === ward.id);
    expect(members.length).toBeGreaterThan(1);
    const memberIds = new Set(members.map((n) => n.id));
    const population = members.reduce((sum, n) => sum + n.population, 0);
    const response = await graphql(socialServices, ENTITIES, {
      r: [representation(ward)],
      from: '2023-01-01',
      to: '2023-12-31',
      g: 'YEAR',
    }, analyst);
    expect(response.errors).toBeUndefined();
    const series = response.data._entities[0].socialServices.indicators;
    const observation = (id: string) => series.find((s: any) => s.indicator.id === `social-services.${id}`).observations[0];
    const in2023 = <T extends { areaId: string; month: string }>(rows: T[]) => rows.filter((r) => memberIds.has(r.areaId) && r.month.startsWith('2023-'));

    const visits = in2023(foodBank).reduce((sum, f) => sum + f.visits, 0);
    expect(observation('food_bank_visit_rate')).toEqual({
      areaId: ward.id,
      period: { label: '2023' },
      value: round3((visits / population) * 1000),
      numerator: visits,
      denominator: population,
    });

    const investigations = in2023(childWelfare).reduce((sum, w) => sum + w.investigations, 0);
    const substantiated = in2023(childWelfare).reduce((sum, w) => sum + w.substantiated, 0);
    expect(observation('child_welfare_substantiation_share')).toMatchObject({
      value: round3((substantiated / investigations) * 100),
      numerator: substantiated,
      denominator: investigations,
    });

    const owBeneficiaries = members.reduce((sum, n) => {
      const months = caseloads.filter((c) => c.areaId === n.id && c.program === 'ONTARIO_WORKS' && c.month.startsWith('2023-'));
      expect(months).toHaveLength(12);
      return sum + months.reduce((s, c) => s + c.beneficiaries, 0) / 12;
    }, 0);
    expect(observation('ow_beneficiaries')).toMatchObject({ value: round3(owBeneficiaries), numerator: round3(owBeneficiaries), denominator: null });
  });

  it('answers every neighbourhood with one SQL statement for the measures (after one for the areas)', async () => {
    const representations = city.neighbourhoods.map((n) => representation(n));
    socialServices.counter.reset();
    const response = await graphql(socialServices, ENTITIES, { r: representations, from: '2021-01-01', to: '2024-12-31', g: 'QUARTER' });
    expect(response.errors).toBeUndefined();
    expect(response.data._entities).toHaveLength(city.neighbourhoods.length);
    expect(response.data._entities[23].socialServices.indicators[0].observations).toHaveLength(16);
    // The areas from the registry, then the measures of all of them.
    expect(socialServices.counter.count).toBe(2);
  });

  it('lists the directory filtered by framework area and category, exactly as generated', async () => {
    const expected = programs
      .filter((p) => p.frameworkArea === 'PREVENTION' && p.categories.includes(ServiceCategory.MENTAL_HEALTH))
      .sort(byCode)
      .map(listed);
    expect(expected.length).toBeGreaterThan(1);
    socialServices.counter.reset();
    const response = await graphql(
      socialServices,
      `{ socialServicesDirectory(frameworkArea: PREVENTION, category: MENTAL_HEALTH, limit: 1000) { ${PROGRAM_FIELDS} } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.socialServicesDirectory).toEqual(expected);
    // The programs, their categories and their areas: one statement each, whatever the number of programs.
    expect(socialServices.counter.count).toBe(3);
  });

  it('lists the directory for one neighbourhood, bounded by limit', async () => {
    const area = city.neighbourhoods[7];
    const serving = programs.filter((p) => p.areaIds.includes(area.id)).sort(byCode);
    expect(serving.length).toBeGreaterThan(3);
    const response = await graphql(socialServices, `{ socialServicesDirectory(areaId: "${area.id}", limit: 3) { programCode areaIds } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.socialServicesDirectory).toEqual(serving.slice(0, 3).map((p) => ({ programCode: p.programCode, areaIds: p.areaIds })));

    for (const limit of [0, 1001]) {
      const rejected = await graphql(socialServices, `{ socialServicesDirectory(limit: ${limit}) { programCode } }`);
      expect(rejected.errors?.[0]).toMatchObject({
        message: `limit must be from 1 to 1000, got ${limit}`,
        extensions: { code: 'BAD_USER_INPUT', argument: 'limit' },
      });
      expect(rejected.data).toBeNull();
    }
  });

  it('lists the programs serving each area on its profile, once each, batched over areas', async () => {
    const ward = city.wards[0];
    const members = city.neighbourhoods.filter((n) => n.parentId === ward.id).map((n) => n.id);
    const representations = [
      ...city.neighbourhoods.map((n) => representation(n)),
      representation(ward),
    ];
    socialServices.counter.reset();
    const response = await graphql(
      socialServices,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Area { id socialServices {
          all: services { programCode }
          housing: services(frameworkArea: SOCIAL_DEVELOPMENT, category: HOUSING_SUPPORT) { ${PROGRAM_FIELDS} }
      } } } }`,
      { r: representations },
    );
    expect(response.errors).toBeUndefined();
    // The 25 areas from the registry; two filters, one statement each over all of them; then categories and areas of every program listed.
    expect(socialServices.counter.count).toBe(5);

    const wardProfile = response.data._entities[city.neighbourhoods.length].socialServices;
    const servingWard = programs.filter((p) => p.areaIds.some((id) => members.includes(id))).sort(byCode);
    expect(wardProfile.all).toEqual(servingWard.map((p) => ({ programCode: p.programCode })));
    const housing = servingWard.filter((p) => p.frameworkArea === 'SOCIAL_DEVELOPMENT' && p.categories.includes(ServiceCategory.HOUSING_SUPPORT));
    expect(housing.length).toBeGreaterThan(1);
    expect(housing.length).toBeLessThan(servingWard.length);
    expect(wardProfile.housing).toEqual(housing.map(listed));
    const first = response.data._entities[0];
    expect(first.socialServices.all).toEqual(
      programs.filter((p) => p.areaIds.includes(first.id)).sort(byCode).map((p) => ({ programCode: p.programCode })),
    );
  });

  it('puts most programs in social development, prevention and risk intervention', async () => {
    const counts: Record<string, number> = {};
    for (const frameworkArea of ['SOCIAL_DEVELOPMENT', 'PREVENTION', 'RISK_INTERVENTION', 'INCIDENT_RESPONSE']) {
      const response = await graphql(socialServices, `{ socialServicesDirectory(frameworkArea: ${frameworkArea}, limit: 1000) { programCode } }`);
      expect(response.errors).toBeUndefined();
      counts[frameworkArea] = response.data.socialServicesDirectory.length;
      expect(counts[frameworkArea]).toBe(programs.filter((p) => p.frameworkArea === frameworkArea).length);
    }
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    // About one program per 3,000 residents.
    const residents = city.neighbourhoods.reduce((sum, n) => sum + n.population, 0);
    expect(total).toBeGreaterThan(residents / 4500);
    expect(total).toBeLessThan(residents / 2000);
    expect(counts.INCIDENT_RESPONSE).toBeLessThan(counts.SOCIAL_DEVELOPMENT);
    expect(counts.INCIDENT_RESPONSE).toBeLessThan(counts.PREVENTION);
    expect(counts.INCIDENT_RESPONSE).toBeLessThan(counts.RISK_INTERVENTION);
  });
});
