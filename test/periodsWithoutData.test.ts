import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MIN_POPULATION_FOR_SUBANNUAL } from '@cswb/subgraph-kit/privacy';
import { agencyFor, POLICE_AGENCIES } from '@cswb/subgraph-police';
import { envPrefix } from '@cswb/contract/config';
import { analystHeaders } from '@cswb/testing/analyst';
import { cswb } from '@cswb/testing/cli';
import { smallCity } from '@cswb/testing/expected';
import { graphql } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken } from '@cswb/testing/tokens';

/**
 * A period outside the months a sector holds data of answers no value (NO_DATA), not 0; a month
 * inside them without records answers 0; an import that adds a later month extends them. Through
 * the gateway and straight to the police subgraph, over the seeded `small` city (police 2021–2024).
 */
const { city, occurrences } = smallCity();
const DRUGS = 'police.drug_offence_rate';
const CALLS = 'police.calls_for_service_rate';
/** A neighbourhood whose rows the analyst's own service holds (it sees exact values there), large enough to be published by month. */
const AREA = city.neighbourhoods.find((n) => agencyFor(city, n.parentId) === POLICE_AGENCIES.municipal && n.population >= MIN_POPULATION_FOR_SUBANNUAL)!;
const drugsIn = (month: string) => occurrences.filter((o) => o.areaId === AREA.id && o.category === 'DRUGS' && o.occurredOn.startsWith(month)).length;
/** A seeded month (covered) in which the area had no drug occurrence at all. */
const ZERO_MONTH = Array.from({ length: 48 }, (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`).find((m) => drugsIn(m) === 0)!;

const SELECTION = `indicators(ids: $ids, from: $from, to: $to, granularity: $g) {
  indicator { id }
  observations { period { label } value numerator denominator perturbed suppressed suppressionReason unavailableReason }
}`;
const VIA_GATEWAY = `query ($id: ID!, $ids: [ID!]!, $from: LocalDate!, $to: LocalDate!, $g: Granularity!) { area(id: $id) { police { ${SELECTION} } } }`;
const DIRECT = `query ($r: [_Any!]!, $ids: [ID!]!, $from: LocalDate!, $to: LocalDate!, $g: Granularity!) {
  _entities(representations: $r) { ... on Area { police { ${SELECTION} } } }
}`;

const NO_DATA = { value: null, numerator: null, denominator: null, perturbed: false, suppressed: false, suppressionReason: null, unavailableReason: 'NO_DATA' };

let stack: TestStack;
let analyst: Record<string, string>;
let planner: Record<string, string>;
let resident: Record<string, string>;
let tmp: string;

beforeAll(async () => {
  analyst = await analystHeaders();
  planner = bearer(await signToken({ sub: 'planner', scope: 'aggregates:read', purpose: 'planning' }));
  resident = bearer(await signToken({ sub: 'resident', scope: '', purpose: 'public-reporting' }));
  stack = await startTestStack('coverage');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-coverage-'));
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

type Series = { indicator: { id: string }; observations: { period: { label: string }; [field: string]: unknown }[] };

/** The police series of one area, the same question asked through the gateway and straight to the subgraph: both answers must agree. */
async function policeSeries(areaId: string, ids: string[], from: string, to: string, g: string, headers: Record<string, string>): Promise<Map<string, Series['observations']>> {
  const variables = { ids, from, to, g };
  const gateway = await graphql(stack.gateway.url, VIA_GATEWAY, { ...variables, id: areaId }, headers);
  expect(gateway.errors).toBeUndefined();
  const police = stack.subgraphs.find((s) => s.name === 'police')!;
  const direct = await graphql(police, DIRECT, { ...variables, r: [{ __typename: 'Area', id: areaId }] }, headers);
  expect(direct.errors).toBeUndefined();
  const series: Series[] = gateway.data.area.police.indicators;
  expect(direct.data._entities[0].police.indicators).toEqual(series);
  return new Map(series.map((s) => [s.indicator.id, s.observations]));
}

const byLabel = (observations: Series['observations']) => Object.fromEntries(observations.map(({ period, ...o }) => [period.label, o]));

describe('periods without data', () => {
  it('answers no value, with the reason, for years before and after the loaded data, and the counts in between', async () => {
    for (const headers of [analyst, planner]) {
      const series = await policeSeries(city.municipality.id, [DRUGS, CALLS], '2019-01-01', '2026-12-31', 'YEAR', headers);
      for (const id of [DRUGS, CALLS]) {
        const years = byLabel(series.get(id)!);
        for (const year of ['2019', '2020', '2025', '2026']) expect(years[year]).toEqual(NO_DATA);
        for (const year of ['2021', '2022', '2023', '2024']) {
          expect(years[year]).toMatchObject({ unavailableReason: null, suppressed: false, denominator: city.municipality.population });
          expect(years[year].numerator).toBeGreaterThan(0);
        }
      }
    }
    const exact = byLabel((await policeSeries(AREA.id, [DRUGS], '2021-01-01', '2024-12-31', 'YEAR', analyst)).get(DRUGS)!);
    expect(exact['2022']).toMatchObject({ numerator: drugsIn('2022-'), perturbed: false, unavailableReason: null });
  });

  it('answers 0 for a month inside the loaded data in which nothing happened', async () => {
    expect(ZERO_MONTH).toBeDefined();
    const from = `${ZERO_MONTH}-01`;
    const to = new Date(Date.UTC(Number(ZERO_MONTH.slice(0, 4)), Number(ZERO_MONTH.slice(5, 7)), 0)).toISOString().slice(0, 10);
    const [month] = (await policeSeries(AREA.id, [DRUGS], from, to, 'MONTH', analyst)).get(DRUGS)!;
    expect(month).toMatchObject({ value: 0, numerator: 0, denominator: AREA.population, perturbed: false, unavailableReason: null });
    // Perturbed for a planner: a zero stays a zero, and it is a count, not a missing period.
    const [published] = (await policeSeries(AREA.id, [DRUGS], from, to, 'MONTH', planner)).get(DRUGS)!;
    expect(published).toMatchObject({ value: 0, numerator: 0, perturbed: true, unavailableReason: null });
  });

  it('says only "no data" where disclosure control withholds the covered periods', async () => {
    const series = byLabel((await policeSeries(AREA.id, [DRUGS], '2020-01-01', '2025-12-31', 'YEAR', resident)).get(DRUGS)!);
    expect(series['2020']).toEqual(NO_DATA);
    expect(series['2025']).toEqual(NO_DATA);
    for (const year of ['2021', '2022', '2023', '2024']) {
      expect(series[year]).toEqual({ ...NO_DATA, suppressed: true, suppressionReason: 'COARSE_GEOGRAPHY_ONLY', unavailableReason: null });
    }
  });

  it('extends the months it answers for when an import adds a later month, for the source imported only', async () => {
    const before = await policeSeries(AREA.id, [DRUGS, CALLS], '2025-01-01', '2025-04-30', 'MONTH', analyst);
    expect(before.get(DRUGS)!.map((o) => o.unavailableReason)).toEqual(['NO_DATA', 'NO_DATA', 'NO_DATA', 'NO_DATA']);

    const file = path.join(tmp, 'occurrences.csv');
    fs.writeFileSync(
      file,
      'occurrence_number,agency_id,occurred_on,area_id,category,premises_type,cleared\n' +
        `COVERAGE-2025-1,${POLICE_AGENCIES.municipal},2025-03-10,${AREA.id},DRUGS,OUTSIDE,false\n` +
        `COVERAGE-2025-2,${POLICE_AGENCIES.municipal},2025-03-21,${AREA.id},DRUGS,RESIDENCE,true\n`,
    );
    const imported = await cswb(['import', 'police', 'occurrences', file], { [`${envPrefix('police')}_DATABASE_URL`]: stack.ownerUrls.police });
    expect({ code: imported.code, stderr: imported.stderr }).toMatchObject({ code: 0 });
    expect(imported.stdout).toContain('2 rows read, 2 inserted');

    const after = await policeSeries(AREA.id, [DRUGS, CALLS], '2025-01-01', '2025-04-30', 'MONTH', analyst);
    const drugs = byLabel(after.get(DRUGS)!);
    expect(drugs['2025-03']).toMatchObject({ numerator: 2, perturbed: false, unavailableReason: null });
    expect(drugs['2025-03'].value).toBeCloseTo((2 / AREA.population) * 1000, 3);
    // January and February now lie inside the occurrences' months: nothing happened there.
    expect(drugs['2025-01']).toMatchObject({ value: 0, numerator: 0, unavailableReason: null });
    expect(drugs['2025-02']).toMatchObject({ value: 0, numerator: 0, unavailableReason: null });
    expect(drugs['2025-04']).toEqual(NO_DATA);
    // Calls for service are another source: no call was imported, so 2025 is still unknown for them.
    expect(after.get(CALLS)!.map((o) => o.unavailableReason)).toEqual(['NO_DATA', 'NO_DATA', 'NO_DATA', 'NO_DATA']);

    const year = byLabel((await policeSeries(AREA.id, [DRUGS], '2025-01-01', '2026-12-31', 'YEAR', analyst)).get(DRUGS)!);
    expect(year['2025']).toMatchObject({ numerator: 2, unavailableReason: null });
    expect(year['2026']).toEqual(NO_DATA);
  });
});
