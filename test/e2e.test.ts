import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';
import { analystHeaders, HUB_ANALYST_AGENCY } from '@cswb/testing/analyst';
import { graphql } from '@cswb/testing/graphql';
import { generateEducationRecords } from '@cswb/subgraph-education';
import { generateHealthCounts } from '@cswb/subgraph-health';
import { generateHousingRecords } from '@cswb/subgraph-housing';
import { generateSocialServicesRecords } from '@cswb/subgraph-social-services';
import { agencyFor } from '@cswb/subgraph-police';
import { collect, smallCity } from '@cswb/testing/expected';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken } from '@cswb/testing/tokens';

const { city, occurrences, calls } = smallCity();
let stack: TestStack;
/** Record-level rights in every sector: the exact values these tests compare. */
let analyst: Record<string, string>;

beforeAll(async () => {
  analyst = await analystHeaders();
  stack = await startTestStack('e2e');
});
afterAll(async () => {
  await stack?.stop();
});

const AREA_QUERY = `
  query Area($id: ID!) {
    area(id: $id) {
      id
      name
      population
      police {
        indicators(from: "2023-01-01", to: "2024-12-31", granularity: YEAR) {
          indicator { id sector frameworkArea unit }
          observations { areaId period { label start end } value numerator denominator unit }
        }
      }
    }
  }`;

describe('one query through the gateway', () => {
  it("returns an area's name from planning with its police indicators equal to the seeded records", async () => {
    const area = city.neighbourhoods[2];
    const response = await graphql(stack.gateway.url, AREA_QUERY, { id: area.id }, analyst);

    expect(response.errors).toBeUndefined();
    expect(response.data.area).toMatchObject({ id: area.id, name: area.name, population: area.population });

    const series = Object.fromEntries(
      response.data.area.police.indicators.map((s: any) => [s.indicator.id, s]),
    );
    for (const year of [2023, 2024]) {
      const inYear = (date: string) => date.startsWith(`${year}-`);
      const violent = occurrences.filter((o) => o.areaId === area.id && o.category === 'VIOLENT' && inYear(o.occurredOn)).length;
      const crisis = calls.filter((c) => c.areaId === area.id && c.callType === 'PERSON_IN_CRISIS' && inYear(c.receivedOn));
      const apprehensions = crisis.filter((c) => c.mhaApprehension).length;
      const label = String(year);

      expect(series['police.violent_crime_rate'].observations.find((o: any) => o.period.label === label)).toEqual({
        areaId: area.id,
        period: { label, start: `${year}-01-01`, end: `${year}-12-31` },
        value: Math.round((violent / area.population) * 1000 * 1000) / 1000,
        numerator: violent,
        denominator: area.population,
        unit: 'per 1,000 residents',
      });
      expect(series['police.person_in_crisis_calls'].observations.find((o: any) => o.period.label === label).value).toBe(crisis.length);
      expect(series['police.mha_apprehensions'].observations.find((o: any) => o.period.label === label).value).toBe(apprehensions);
    }
    expect(series['police.violent_crime_rate'].indicator).toEqual({
      id: 'police.violent_crime_rate',
      sector: 'police',
      frameworkArea: 'INCIDENT_RESPONSE',
      unit: 'per 1,000 residents',
    });
  });

  it("aggregates a ward's police counts over the neighbourhoods within it", async () => {
    const ward = city.wards[1];
    const members = new Set(city.neighbourhoods.filter((n) => n.parentId === ward.id).map((n) => n.id));
    const response = await graphql(stack.gateway.url, AREA_QUERY, { id: ward.id }, analyst);
    const violent2024 = occurrences.filter((o) => members.has(o.areaId) && o.category === 'VIOLENT' && o.occurredOn.startsWith('2024-')).length;
    const observation = response.data.area.police.indicators
      .find((s: any) => s.indicator.id === 'police.violent_crime_rate')
      .observations.find((o: any) => o.period.label === '2024');
    expect(observation.numerator).toBe(violent2024);
    expect(observation.denominator).toBe(ward.population);
  });

  it('reports an unknown area as null with a NOT_FOUND error', async () => {
    const response = await graphql(stack.gateway.url, '{ area(id: "nowhere") { id name } }');
    expect(response.data).toEqual({ area: null });
    expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('rejects a period range that would half-count a period, naming the argument', async () => {
    const response = await graphql(
      stack.gateway.url,
      `{ area(id: "${city.neighbourhoods[0].id}") { name police { indicators(from: "2023-02-01", to: "2024-12-31") { indicator { id } } } } }`,
    );
    expect(response.errors?.[0]).toMatchObject({
      message: 'from must be the first day of a YEAR period: 2023-01-01, not 2023-02-01',
      extensions: { code: 'BAD_USER_INPUT', argument: 'from' },
    });
  });

});

describe('one question across every sector', () => {
  const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
  const in2024 = (date: string) => date.startsWith('2024-');

  it("returns one area's indicators from all five sectors, equal to what each sector's seed wrote", async () => {
    // A neighbourhood policed by the hub analyst's own service only: its police counts are exact for it.
    const area = city.neighbourhoods.find((n, i) => i >= 7 && agencyFor(city, n.parentId) === HUB_ANALYST_AGENCY)!;
    const query = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'queries', 'area-profile.graphql'), 'utf8');
    const response = await graphql(stack.gateway.url, query, { id: area.id, from: '2024-01-01', to: '2024-12-31', granularity: 'YEAR' }, analyst);
    expect(response.errors).toBeUndefined();
    const profile = response.data.area;
    const observation = (sector: string, id: string) => {
      const series = profile[sector].indicators.find((s: any) => s.indicator.id === id);
      expect(series.indicator.sector).toBe(sector === 'socialServices' ? 'social-services' : sector);
      expect(series.observations).toHaveLength(1);
      return series.observations[0];
    };

    const health = collect(generateHealthCounts(city));
    const education = collect(generateEducationRecords(city));
    const housing = collect(generateHousingRecords(city));
    const social = collect(generateSocialServicesRecords(city));
    const schools = new Set(education.schools.filter((s) => s.areaId === area.id).map((s) => s.schoolNumber));

    expect(observation('police', 'police.violent_crime_rate').numerator).toBe(
      occurrences.filter((o) => o.areaId === area.id && o.category === 'VIOLENT' && in2024(o.occurredOn)).length,
    );
    expect(observation('health', 'health.ed_self_harm_rate')).toMatchObject({
      numerator: sum(health.edVisits.filter((v) => v.areaId === area.id && v.reason === 'SELF_HARM' && in2024(v.month)).map((v) => v.visits)),
      denominator: area.population,
    });
    expect(observation('education', 'education.enrolment').numerator).toBe(
      sum(education.stats.filter((s) => schools.has(s.schoolNumber) && s.schoolYear === 2024).map((s) => s.enrolment)),
    );
    expect(observation('housing', 'housing.eviction_application_rate').numerator).toBe(
      sum(housing.areaMonths.filter((m) => m.areaId === area.id && in2024(m.month)).map((m) => m.evictionApplications)),
    );
    expect(observation('socialServices', 'social-services.food_bank_visit_rate').numerator).toBe(
      sum(social.foodBank.filter((m) => m.areaId === area.id && in2024(m.month)).map((m) => m.visits)),
    );
  });

  it('lists the indicator catalogue of every sector in one root field, each id answered by its owner', async () => {
    const response = await graphql(stack.gateway.url, '{ indicatorCatalogue { id sector frameworkArea } }');
    const catalogue: { id: string; sector: string }[] = response.data.indicatorCatalogue;
    const sectors = discoverSubgraphs().filter((s) => s.definition.indicators?.length).map((s) => s.definition.name).sort();
    expect([...new Set(catalogue.map((i) => i.sector))].sort()).toEqual(sectors);
    expect(sectors).toHaveLength(6);

    const area = city.neighbourhoods[0];
    const field = (sector: string) => sector.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    const selections = catalogue
      .map((i, n) => `i${n}: ${field(i.sector)} { indicators(from: "2024-01-01", to: "2024-12-31", ids: ["${i.id}"]) { indicator { id } } }`)
      .join('\n');
    const followed = await graphql(stack.gateway.url, `{ area(id: "${area.id}") { ${selections} } }`);
    expect(followed.errors).toBeUndefined();
    catalogue.forEach((indicator, n) => {
      expect(followed.data.area[`i${n}`].indicators).toEqual([{ indicator: { id: indicator.id } }]);
    });
  });

  it('filters the catalogue by framework area', async () => {
    const response = await graphql(stack.gateway.url, '{ indicatorCatalogue(frameworkArea: RISK_INTERVENTION) { id frameworkArea } }');
    expect(response.data.indicatorCatalogue.length).toBeGreaterThan(0);
    expect(response.data.indicatorCatalogue.every((i: any) => i.frameworkArea === 'RISK_INTERVENTION')).toBe(true);
  });
});

describe('documented queries (docs/queries/*.graphql)', () => {
  const dir = path.join(PROJECT_ROOT, 'docs', 'queries');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.graphql'));

  it('exist', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('%s runs as it stands, without errors', async (file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    // A query that needs a role says so on its first line, as the README tells users to.
    const headers = text.startsWith('# Requires: planner token')
      ? bearer(await signToken({ scope: 'aggregates:read plans:write', purpose: 'planning' }))
      : {};
    const response = await graphql(stack.gateway.url, text, undefined, headers);
    expect(response.errors).toBeUndefined();
    expect(Object.values(response.data ?? {}).every((value) => value !== null)).toBe(true);
  });
});

// Last: it stops a subgraph.
describe('health endpoints', () => {
  it('answers /health and /readiness; readiness is degraded (still 200) when a subgraph stops, naming it down', async () => {
    const base = stack.gateway.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/readiness`);
    expect(ready.status).toBe(200);
    const readyBody = await ready.json();
    expect(readyBody.status).toBe('ready');
    expect(readyBody.subgraphs.map((s: any) => s.name).sort()).toEqual(discoverSubgraphs().map((s) => s.definition.name).sort());

    const police = stack.subgraphs.find((s) => s.name === 'police')!;
    await police.close();
    const degraded = await fetch(`${base}/readiness`);
    expect(degraded.status).toBe(200);
    const body = await degraded.json();
    expect(body.status).toBe('degraded');
    expect(body.subgraphs.find((s: any) => s.name === 'police').status).toBe('down');
    expect(body.subgraphs.find((s: any) => s.name === 'planning').status).toBe('up');
  });
});
