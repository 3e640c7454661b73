import { readSeed } from '@cswb/contract/config';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import {
  generateEducationRecords,
  GeneratedEdiResult,
  GeneratedSchool,
  GeneratedSchoolYearStat,
  isEdiCycleYear,
  subgraph,
} from '@cswb/subgraph-education';
import { analystHeaders } from '@cswb/testing/analyst';
import { graphql as graphqlAs } from '@cswb/testing/graphql';
import { startTestSubgraph, TestSubgraph } from '@cswb/testing/subgraph';

const city = createSyntheticCity('small', readSeed({}));
const schools: GeneratedSchool[] = [];
const stats: GeneratedSchoolYearStat[] = [];
const ediResults: GeneratedEdiResult[] = [];
for (const batch of generateEducationRecords(city)) {
  schools.push(...batch.schools);
  stats.push(...batch.stats);
  ediResults.push(...batch.ediResults);
}

let education: TestSubgraph;
/** Record-level rights in every sector: the exact values these tests compare. */
let analyst: Record<string, string>;
/** This file tests the sector's data, not its access rules (test/accessMatrix.test.ts does): it reads as a hub analyst unless a call says otherwise. */
const graphql: typeof graphqlAs = (url, query, variables, headers) => graphqlAs(url, query, variables, headers ?? analyst);

beforeAll(async () => {
  analyst = await analystHeaders();
  education = await startTestSubgraph(subgraph);
});
afterAll(async () => {
  await education?.stop();
});

const ENTITIES = `
  query ($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!, $g: Granularity!) {
    _entities(representations: $r) {
      ... on Area {
        id
        education {
          indicators(from: $from, to: $to, granularity: $g) {
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

const ward = city.wards[1];
const wardNeighbourhoodIds = city.neighbourhoods.filter((n) => n.parentId === ward.id).map((n) => n.id);

/** Sum of one school-year field over the schools located in the given neighbourhoods. */
function schoolYearTotal(areaIds: string[], schoolYear: number, field: keyof Omit<GeneratedSchoolYearStat, 'schoolNumber' | 'schoolYear'>): number {
  const numbers = new Set(schools.filter((s) => areaIds.includes(s.areaId)).map((s) => s.schoolNumber));
  return stats.filter((y) => numbers.has(y.schoolNumber) && y.schoolYear === schoolYear).reduce((sum, y) => sum + y[field], 0);
}

function percent(numerator: number, denominator: number): number {
  return Math.round((numerator / denominator) * 100 * 1000) / 1000;
}

function seriesOf(response: any, id: string) {
  return response.data._entities[0].education.indicators.find((s: any) => s.indicator.id === id);
}

describe('education subgraph', () => {
  it('computes yearly indicators from its school-year statistics for a neighbourhood', async () => {
    const area = city.neighbourhoods[5];
    const response = await graphql(education, ENTITIES, { r: [representation(area)], from: '2021-01-01', to: '2024-12-31', g: 'YEAR' }, analyst);
    expect(response.errors).toBeUndefined();

    const enrolment = seriesOf(response, 'education.enrolment');
    expect(enrolment.indicator).toEqual({ id: 'education.enrolment', unit: 'count', frameworkArea: 'SOCIAL_DEVELOPMENT' });
    expect(enrolment.observations).toEqual(
      city.years.map((year) => {
        const students = schoolYearTotal([area.id], year, 'enrolment');
        return { areaId: area.id, period: { label: String(year) }, value: students, numerator: students, denominator: null };
      }),
    );
    expect(enrolment.observations[3].value).toBeGreaterThan(0);

    const absenteeism = seriesOf(response, 'education.chronic_absenteeism');
    expect(absenteeism.indicator.unit).toBe('% of enrolled students');
    expect(absenteeism.observations).toEqual(
      city.years.map((year) => {
        const absent = schoolYearTotal([area.id], year, 'chronicallyAbsent');
        const enrolled = schoolYearTotal([area.id], year, 'enrolment');
        return { areaId: area.id, period: { label: String(year) }, value: percent(absent, enrolled), numerator: absent, denominator: enrolled };
      }),
    );
  });

  it('computes a ward\'s graduation and EDI rates as ratios of sums over its neighbourhoods', async () => {
    expect(wardNeighbourhoodIds.length).toBeGreaterThan(1);
    const response = await graphql(education, ENTITIES, {
      r: [representation(ward)],
      from: '2021-01-01',
      to: '2024-12-31',
      g: 'YEAR',
    }, analyst);
    expect(response.errors).toBeUndefined();

    const graduation = seriesOf(response, 'education.graduation_rate');
    expect(graduation.indicator.frameworkArea).toBe('SOCIAL_DEVELOPMENT');
    for (const [index, year] of city.years.entries()) {
      const graduates = schoolYearTotal(wardNeighbourhoodIds, year, 'graduatesOnTime');
      const cohort = schoolYearTotal(wardNeighbourhoodIds, year, 'graduationCohort');
      expect(cohort).toBeGreaterThan(0);
      expect(graduation.observations[index]).toEqual({
        areaId: ward.id,
        period: { label: String(year) },
        value: percent(graduates, cohort),
        numerator: graduates,
        denominator: cohort,
      });
    }

    const edi = seriesOf(response, 'education.edi_vulnerability');
    for (const [index, year] of city.years.entries()) {
      const results = ediResults.filter((e) => wardNeighbourhoodIds.includes(e.areaId) && e.cycleYear === year);
      expect(results.length).toBe(isEdiCycleYear(year) ? wardNeighbourhoodIds.length : 0);
      const vulnerable = results.reduce((sum, e) => sum + e.vulnerableOneOrMore, 0);
      const assessed = results.reduce((sum, e) => sum + e.childrenAssessed, 0);
      expect(edi.observations[index]).toMatchObject({ numerator: vulnerable, denominator: assessed, value: assessed ? percent(vulnerable, assessed) : null });
    }
    expect(edi.observations.filter((o: any) => o.value !== null).map((o: any) => o.period.label)).toEqual(['2021', '2024']);
  });

  it('records each school year at the June that ends it: a MONTH query over 2024 shows it in June only', async () => {
    const response = await graphql(education, ENTITIES, {
      r: [representation(ward)],
      from: '2024-01-01',
      to: '2024-12-31',
      g: 'MONTH',
    }, analyst);
    expect(response.errors).toBeUndefined();

    const enrolment = seriesOf(response, 'education.enrolment');
    const students = schoolYearTotal(wardNeighbourhoodIds, 2024, 'enrolment');
    // After June 2024, the last school year loaded: no data (the 2024-25 year is not in), not 0.
    expect(enrolment.observations.map((o: any) => o.value)).toEqual([0, 0, 0, 0, 0, students, null, null, null, null, null, null]);

    const graduation = seriesOf(response, 'education.graduation_rate');
    const graduates = schoolYearTotal(wardNeighbourhoodIds, 2024, 'graduatesOnTime');
    const cohort = schoolYearTotal(wardNeighbourhoodIds, 2024, 'graduationCohort');
    expect(graduation.observations[5]).toEqual({ areaId: ward.id, period: { label: '2024-06' }, value: percent(graduates, cohort), numerator: graduates, denominator: cohort });
    for (const observation of graduation.observations.slice(0, 5)) expect(observation).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    for (const observation of graduation.observations.slice(6)) expect(observation).toMatchObject({ value: null, numerator: null, denominator: null });

    const quarters = await graphql(education, ENTITIES, {
      r: [representation(ward)],
      from: '2024-01-01',
      to: '2024-12-31',
      g: 'QUARTER',
    }, analyst);
    expect(seriesOf(quarters, 'education.enrolment').observations.map((o: any) => o.value)).toEqual([0, students, null, null]);
  });

  it('answers many areas with one SQL statement for their measures (after one for the areas)', async () => {
    const representations = city.neighbourhoods.map((n) => representation(n));
    education.counter.reset();
    const response = await graphql(education, ENTITIES, { r: representations, from: '2021-01-01', to: '2024-12-31', g: 'QUARTER' });
    expect(response.errors).toBeUndefined();
    expect(response.data._entities).toHaveLength(city.neighbourhoods.length);
    // The areas from the registry, then the measures of all of them.
    expect(education.counter.count).toBe(2);
  });

  it('filters indicators by id and framework area', async () => {
    const area = city.neighbourhoods[0];
    const response = await graphql(
      education,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Area { education {
          byId: indicators(from: "2024-01-01", to: "2024-12-31", ids: ["education.graduation_rate"]) { indicator { id } }
          response: indicators(from: "2024-01-01", to: "2024-12-31", frameworkArea: INCIDENT_RESPONSE) { indicator { id } }
          prevention: indicators(from: "2024-01-01", to: "2024-12-31", frameworkArea: PREVENTION) { indicator { id } }
      } } } }`,
      { r: [representation(area)] },
    );
    expect(response.errors).toBeUndefined();
    const profile = response.data._entities[0].education;
    expect(profile.byId).toEqual([{ indicator: { id: 'education.graduation_rate' } }]);
    expect(profile.response).toEqual([{ indicator: { id: 'education.expulsions' } }]);
    expect(profile.prevention).toEqual([{ indicator: { id: 'education.chronic_absenteeism' } }, { indicator: { id: 'education.suspension_rate' } }]);
  });

  it('lists the schools of each area and their school years with two SQL statements for all areas', async () => {
    const representations = [representation(ward), ...city.neighbourhoods.map((n) => representation(n))];
    education.counter.reset();
    const response = await graphql(
      education,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Area { id education {
          schools { schoolNumber name areaId board panel yearStats(from: 2023, to: 2024) { schoolYear schoolYearLabel enrolment suspendedStudents graduatesOnTime } }
          secondary: schools(panel: SECONDARY) { schoolNumber }
      } } } }`,
      { r: representations },
    );
    expect(response.errors).toBeUndefined();
    // The areas from the registry, the schools, their school years.
    expect(education.counter.count).toBe(3);

    const wardSchools = schools
      .filter((s) => wardNeighbourhoodIds.includes(s.areaId))
      .sort((a, b) => a.schoolNumber.localeCompare(b.schoolNumber));
    const expected = wardSchools.map((s) => ({
      ...s,
      yearStats: stats
        .filter((y) => y.schoolNumber === s.schoolNumber && y.schoolYear >= 2023)
        .map((y) => ({
          schoolYear: y.schoolYear,
          schoolYearLabel: `${y.schoolYear - 1}-${String(y.schoolYear).slice(2)}`,
          enrolment: y.enrolment,
          suspendedStudents: y.suspendedStudents,
          graduatesOnTime: y.graduatesOnTime,
        })),
    }));
    const wardProfile = response.data._entities[0].education;
    expect(wardProfile.schools).toEqual(expected);
    expect(wardProfile.schools[0].yearStats[1].schoolYearLabel).toBe('2023-24');
    expect(wardProfile.secondary.map((s: any) => s.schoolNumber)).toEqual(wardSchools.filter((s) => s.panel === 'SECONDARY').map((s) => s.schoolNumber));
    expect(wardProfile.secondary.length).toBeGreaterThan(0);

    const neighbourhood = city.neighbourhoods[3];
    const neighbourhoodSchools = response.data._entities.find((e: any) => e.id === neighbourhood.id).education.schools;
    expect(neighbourhoodSchools.map((s: any) => s.schoolNumber)).toEqual(schools.filter((s) => s.areaId === neighbourhood.id).map((s) => s.schoolNumber));

    const backwards = await graphql(
      education,
      `{ educationSchools(limit: 1) { yearStats(from: 2024, to: 2021) { schoolYear } } }`,
    );
    expect(backwards.errors?.[0]).toMatchObject({ message: 'from (2024) is after to (2021)', extensions: { code: 'BAD_USER_INPUT', argument: 'from' } });
  });

  it('lists schools by neighbourhood and panel with a bounded limit', async () => {
    const area = city.neighbourhoods[2];
    const elementary = await graphql(education, `{ educationSchools(areaId: "${area.id}", panel: ELEMENTARY, limit: 1000) { schoolNumber name areaId board panel } }`);
    expect(elementary.errors).toBeUndefined();
    expect(elementary.data.educationSchools).toEqual(
      schools.filter((s) => s.areaId === area.id && s.panel === 'ELEMENTARY').sort((a, b) => a.schoolNumber.localeCompare(b.schoolNumber)),
    );
    expect(elementary.data.educationSchools.length).toBeGreaterThan(0);

    const firstThree = await graphql(education, `{ educationSchools(limit: 3) { schoolNumber } }`);
    const allNumbers = schools.map((s) => s.schoolNumber).sort();
    expect(firstThree.data.educationSchools.map((s: any) => s.schoolNumber)).toEqual(allNumbers.slice(0, 3));

    const secondary = await graphql(education, `{ educationSchools(panel: SECONDARY, limit: 1000) { schoolNumber } }`);
    expect(secondary.data.educationSchools.map((s: any) => s.schoolNumber)).toEqual(
      schools.filter((s) => s.panel === 'SECONDARY').map((s) => s.schoolNumber).sort(),
    );

    for (const limit of [0, 1001]) {
      const rejected = await graphql(education, `{ educationSchools(limit: ${limit}) { schoolNumber } }`);
      expect(rejected.errors?.[0]).toMatchObject({
        message: `limit must be from 1 to 1000, got ${limit}`,
        extensions: { code: 'BAD_USER_INPUT', argument: 'limit' },
      });
    }
  });
});
