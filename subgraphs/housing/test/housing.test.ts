import { readSeed } from '@cswb/contract/config';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { generateHousingRecords, subgraph } from '@cswb/subgraph-housing';
import type { GeneratedAreaMonth, GeneratedPointInTimeCount, GeneratedShelter, GeneratedShelterNight } from '@cswb/subgraph-housing';
import { analystHeaders } from '@cswb/testing/analyst';
import { graphql as graphqlAs } from '@cswb/testing/graphql';
import { startTestSubgraph, TestSubgraph } from '@cswb/testing/subgraph';

/** The city and housing records the `small` seed writes, regenerated in memory. */
function smallCityHousing() {
  const city = createSyntheticCity('small', readSeed({}));
  const shelters: GeneratedShelter[] = [];
  const nights: GeneratedShelterNight[] = [];
  const areaMonths: GeneratedAreaMonth[] = [];
  const pointInTimeCounts: GeneratedPointInTimeCount[] = [];
  for (const batch of generateHousingRecords(city)) {
    shelters.push(...batch.shelters);
    nights.push(...batch.nights);
    areaMonths.push(...batch.areaMonths);
    pointInTimeCounts.push(...batch.pointInTimeCounts);
  }
  return { city, shelters, nights, areaMonths, pointInTimeCounts };
}

const { city, shelters, nights, areaMonths, pointInTimeCounts } = smallCityHousing();
let housing: TestSubgraph;
/** Record-level rights in every sector: the exact values these tests compare. */
let analyst: Record<string, string>;
/** This file tests the sector's data, not its access rules (test/accessMatrix.test.ts does): it reads as a hub analyst unless a call says otherwise. */
const graphql: typeof graphqlAs = (url, query, variables, headers) => graphqlAs(url, query, variables, headers ?? analyst);

beforeAll(async () => {
  analyst = await analystHeaders();
  housing = await startTestSubgraph(subgraph);
});
afterAll(async () => {
  await housing?.stop();
});

const ENTITIES = `
  query ($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!, $g: Granularity!, $ids: [ID!]) {
    _entities(representations: $r) {
      ... on Area {
        id
        housing {
          indicators(from: $from, to: $to, granularity: $g, ids: $ids) {
            indicator { id unit frameworkArea }
            observations { areaId period { label } value numerator denominator }
          }
        }
      }
    }
  }`;

/** An area as the gateway sends it: the key only (population and neighbourhoods come from the subgraph's own registry). */
function representation(area: { id: string }) {
  return { __typename: 'Area', id: area.id };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function sum<T>(rows: readonly T[], value: (row: T) => number): number {
  return rows.reduce((total, row) => total + value(row), 0);
}

/** The ward whose neighbourhoods hold the most shelters, with at least two neighbourhoods. */
function wardWithMostShelters() {
  const ranked = city.wards
    .map((ward) => {
      const neighbourhoodIds = city.neighbourhoods.filter((n) => n.parentId === ward.id).map((n) => n.id);
      return { ward, neighbourhoodIds, shelters: shelters.filter((s) => neighbourhoodIds.includes(s.areaId)) };
    })
    .sort((a, b) => b.shelters.length - a.shelters.length);
  return ranked[0];
}

function series(response: any, id: string, entity = 0) {
  return response.data._entities[entity].housing.indicators.find((s: any) => s.indicator.id === id);
}

describe('housing subgraph', () => {
  it('computes monthly indicators from the records the generator wrote', async () => {
    const area = city.neighbourhoods[3];
    const response = await graphql(housing, ENTITIES, { r: [representation(area)], from: '2023-01-01', to: '2023-12-31', g: 'MONTH' }, analyst);
    expect(response.errors).toBeUndefined();

    const evictions = series(response, 'housing.eviction_application_rate');
    expect(evictions.indicator).toEqual({ id: 'housing.eviction_application_rate', unit: 'per 1,000 residents', frameworkArea: 'PREVENTION' });
    expect(evictions.observations).toHaveLength(12);
    const march = areaMonths.find((m) => m.areaId === area.id && m.month === '2023-03-01')!.evictionApplications;
    expect(evictions.observations[2]).toEqual({
      areaId: area.id,
      period: { label: '2023-03' },
      value: round3((march / area.population) * 1000),
      numerator: march,
      denominator: area.population,
    });

    const chronic = series(response, 'housing.chronic_homelessness');
    const expected = areaMonths.filter((m) => m.areaId === area.id && m.month.startsWith('2023-')).map((m) => m.chronicallyHomeless);
    expect(chronic.observations.map((o: any) => o.value)).toEqual(expected);
    expect(chronic.observations.every((o: any) => o.denominator === null)).toBe(true);
  });

  it('sums a ward-like area over the neighbourhoods it lists', async () => {
    const { ward, neighbourhoodIds } = wardWithMostShelters();
    expect(neighbourhoodIds.length).toBeGreaterThan(1);
    const response = await graphql(housing, ENTITIES, {
      r: [representation(ward)],
      from: '2022-01-01',
      to: '2022-12-31',
      g: 'YEAR',
    }, analyst);
    expect(response.errors).toBeUndefined();
    const evictions = areaMonths.filter((m) => neighbourhoodIds.includes(m.areaId) && m.month.startsWith('2022-'));
    const applications = sum(evictions, (m) => m.evictionApplications);
    expect(series(response, 'housing.eviction_application_rate').observations).toEqual([
      {
        areaId: ward.id,
        period: { label: '2022' },
        value: round3((applications / ward.population) * 1000),
        numerator: applications,
        denominator: ward.population,
      },
    ]);
  });

  it('averages a stock over the months of a year instead of adding them up', async () => {
    const { ward, neighbourhoodIds } = wardWithMostShelters();
    const response = await graphql(housing, ENTITIES, {
      r: [representation(ward)],
      from: '2021-01-01',
      to: '2024-12-31',
      g: 'YEAR',
      ids: ['housing.social_housing_waitlist'],
    }, analyst);
    expect(response.errors).toBeUndefined();
    const observations = series(response, 'housing.social_housing_waitlist').observations;
    expect(observations.map((o: any) => o.period.label)).toEqual(['2021', '2022', '2023', '2024']);
    for (const [i, year] of city.years.entries()) {
      const months = areaMonths.filter((m) => neighbourhoodIds.includes(m.areaId) && m.month.startsWith(`${year}-`));
      expect(months).toHaveLength(12 * neighbourhoodIds.length);
      const total = sum(months, (m) => m.waitlistHouseholds);
      expect(observations[i].value).toBe(round3(total / 12));
      expect(observations[i].value).not.toBe(total);
    }
  });

  it('computes the shelter occupancy rate of a quarter from summed bed-nights', async () => {
    const { ward, shelters: wardShelters } = wardWithMostShelters();
    expect(wardShelters.length).toBeGreaterThan(0);
    const response = await graphql(housing, ENTITIES, {
      r: [representation(ward)],
      from: '2024-01-01',
      to: '2024-12-31',
      g: 'QUARTER',
      ids: ['housing.shelter_occupancy_rate'],
    }, analyst);
    expect(response.errors).toBeUndefined();
    const codes = new Set(wardShelters.map((s) => s.shelterCode));
    const q3 = nights.filter((n) => codes.has(n.shelterCode) && n.night >= '2024-07-01' && n.night <= '2024-09-30');
    const occupied = sum(q3, (n) => n.occupied);
    const available = sum(q3, (n) => n.capacity);
    expect(available).toBe(sum(wardShelters, (s) => s.capacity) * 92);
    const observation = series(response, 'housing.shelter_occupancy_rate').observations[2];
    expect(observation).toEqual({
      areaId: ward.id,
      period: { label: '2024-Q3' },
      value: round3((occupied / available) * 100),
      numerator: occupied,
      denominator: available,
    });
    expect(observation.value).toBeGreaterThan(85);
    expect(observation.value).toBeLessThanOrEqual(100);

    const withoutShelter = city.neighbourhoods.find((n) => !shelters.some((s) => s.areaId === n.id))!;
    const empty = await graphql(housing, ENTITIES, {
      r: [representation(withoutShelter)],
      from: '2024-01-01',
      to: '2024-03-31',
      g: 'QUARTER',
      ids: ['housing.shelter_occupancy_rate'],
    }, analyst);
    expect(series(empty, 'housing.shelter_occupancy_rate').observations[0]).toMatchObject({ value: null, numerator: 0, denominator: 0 });
  });

  it('records the point-in-time count in April of odd years', async () => {
    const area = city.neighbourhoods[7];
    const response = await graphql(housing, ENTITIES, {
      r: [representation(area)],
      from: '2021-01-01',
      to: '2024-12-31',
      g: 'YEAR',
      ids: ['housing.point_in_time_count'],
    }, analyst);
    expect(response.errors).toBeUndefined();
    const counts = pointInTimeCounts.filter((c) => c.areaId === area.id);
    expect(counts.map((c) => c.countDate.slice(0, 7))).toEqual(['2021-04', '2023-04']);
    // 2022 lies between two counts (0: no count is a gap the months do not show, docs/data.md);
    // 2024 is after the last count loaded: no data, not 0, until the 2025 count is imported.
    expect(series(response, 'housing.point_in_time_count').observations.map((o: any) => o.value)).toEqual([
      counts[0].peopleCounted,
      0,
      counts[1].peopleCounted,
      null,
    ]);
  });

  it('answers many areas with one SQL statement for their measures (after one for the areas)', async () => {
    const representations = city.neighbourhoods.map((n) => representation(n));
    housing.counter.reset();
    const response = await graphql(housing, ENTITIES, { r: representations, from: '2021-01-01', to: '2024-12-31', g: 'QUARTER' });
    expect(response.errors).toBeUndefined();
    expect(response.data._entities).toHaveLength(city.neighbourhoods.length);
    expect(response.data._entities[0].housing.indicators).toHaveLength(5);
    // The areas from the registry, then the measures of all of them.
    expect(housing.counter.count).toBe(2);
  });

  it("lists each area's shelters on its profile with one SQL statement (after one for the areas)", async () => {
    const { ward, shelters: wardShelters } = wardWithMostShelters();
    const representations = [representation(ward), ...city.neighbourhoods.map((n) => representation(n))];
    housing.counter.reset();
    const response = await graphql(
      housing,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Area { housing {
          shelters { shelterCode areaId sector capacity }
          men: shelters(sector: MEN) { shelterCode }
      } } } }`,
      { r: representations },
    );
    expect(response.errors).toBeUndefined();
    // The areas from the registry, then the shelters of all of them.
    expect(housing.counter.count).toBe(2);
    const expected = [...wardShelters]
      .sort((a, b) => a.shelterCode.localeCompare(b.shelterCode))
      .map((s) => ({ shelterCode: s.shelterCode, areaId: s.areaId, sector: s.sector, capacity: s.capacity }));
    expect(response.data._entities[0].housing.shelters).toEqual(expected);
    expect(response.data._entities[0].housing.men).toEqual(expected.filter((s) => s.sector === 'MEN').map((s) => ({ shelterCode: s.shelterCode })));
    const perNeighbourhood = response.data._entities.slice(1).map((e: any) => e.housing.shelters.length);
    expect(perNeighbourhood).toEqual(city.neighbourhoods.map((n) => shelters.filter((s) => s.areaId === n.id).length));
    expect(perNeighbourhood.filter((n: number) => n === 0).length).toBeGreaterThan(0);
  });

  it('lists shelters by neighbourhood and sector with a bounded limit', async () => {
    const area = shelters[0].areaId;
    const inArea = await graphql(housing, `{ housingShelters(areaId: "${area}", limit: 1000) { shelterCode name areaId sector capacity } }`);
    expect(inArea.errors).toBeUndefined();
    expect(inArea.data.housingShelters).toEqual(
      shelters.filter((s) => s.areaId === area).sort((a, b) => a.shelterCode.localeCompare(b.shelterCode)),
    );

    const sector = shelters[0].sector;
    const bySector = await graphql(housing, `{ housingShelters(sector: ${sector}, limit: 2) { shelterCode } }`);
    expect(bySector.data.housingShelters).toEqual(
      shelters
        .filter((s) => s.sector === sector)
        .map((s) => ({ shelterCode: s.shelterCode }))
        .sort((a, b) => a.shelterCode.localeCompare(b.shelterCode))
        .slice(0, 2),
    );

    for (const limit of [0, 1001]) {
      const rejected = await graphql(housing, `{ housingShelters(limit: ${limit}) { shelterCode } }`);
      expect(rejected.errors?.[0]).toMatchObject({
        message: `limit must be from 1 to 1000, got ${limit}`,
        extensions: { code: 'BAD_USER_INPUT', argument: 'limit' },
      });
    }
  });

  it("reports every shelter's occupancy per period with one SQL statement for all shelters", async () => {
    housing.counter.reset();
    const response = await graphql(
      housing,
      `{ housingShelters(limit: 1000) { shelterCode
          occupancy(from: "2023-01-01", to: "2023-12-31") { period { label } occupiedBedNights availableBedNights occupancyRate }
          quarters: occupancy(from: "2024-10-01", to: "2025-03-31", granularity: QUARTER) { period { label } availableBedNights occupancyRate }
      } }`,
    );
    expect(response.errors).toBeUndefined();
    // One statement lists the shelters, one per distinct range loads the bed-nights of all of them.
    expect(housing.counter.count).toBe(3);
    expect(response.data.housingShelters).toHaveLength(shelters.length);
    for (const row of response.data.housingShelters) {
      expect(row.occupancy).toHaveLength(12);
      const june = nights.filter((n) => n.shelterCode === row.shelterCode && n.night.startsWith('2023-06'));
      const occupied = sum(june, (n) => n.occupied);
      const available = sum(june, (n) => n.capacity);
      expect(row.occupancy[5]).toEqual({
        period: { label: '2023-06' },
        occupiedBedNights: occupied,
        availableBedNights: available,
        occupancyRate: round3((occupied / available) * 100),
      });
      // 2025 lies beyond the synthetic years: the period is reported, with no beds in service.
      expect(row.quarters[1]).toEqual({ period: { label: '2025-Q1' }, availableBedNights: 0, occupancyRate: null });
    }

    const misaligned = await graphql(
      housing,
      `{ housingShelters(limit: 1) { occupancy(from: "2023-01-15", to: "2023-12-31") { occupancyRate } } }`,
    );
    expect(misaligned.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'from' } });
  });
});
