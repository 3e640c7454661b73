/**
 * Defence in depth behind the trust boundary: a request that reaches a subgraph with the
 * gateway's credentials is trusted no further than the caller identity it carries. Each test is
 * an attacker crafting `_entities` representations (as a compromised or misused gateway path
 * would), sent straight to a subgraph port with the gateway's certificate and an assertion for
 * the attacker's own identity. Each one states what the gateway gives the same caller for the
 * same question and asserts the subgraph gives nothing more: forged population and neighbourhood
 * ids are ignored (the subgraph reads its own copy of the area registry), unknown ids are null
 * with NOT_FOUND, duplicates are one area, a request over the representation cap is refused
 * before anything runs, a draft plan's entities resolve only for planners, and a police analyst
 * gets exact counts only where every record is their own service's.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';
import { DEFAULT_MAX_REPRESENTATIONS, envPrefix, readSubgraphLimits } from '@cswb/contract/config';
import { readingTypeName } from '@cswb/subgraph-kit/readings';
import { allAreas } from '@cswb/subgraph-kit/synthetic';
import { IndicatorSpec } from '@cswb/subgraph-kit/vocabulary';
import { POLICE_AGENCIES } from '@cswb/subgraph-police';
import { cswb } from '@cswb/testing/cli';
import { smallCity } from '@cswb/testing/expected';
import { writeFileIn } from '@cswb/testing/files';
import { postAsGateway } from '@cswb/testing/trust';
import { graphql } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken } from '@cswb/testing/tokens';

const { city, occurrences } = smallCity();
let stack: TestStack;
let tmp: string;
const headers: Record<'anonymous' | 'public' | 'planner' | 'municipalAnalyst' | 'oppAnalyst', Record<string, string>> = {
  anonymous: {},
  public: {},
  planner: {},
  municipalAnalyst: {},
  oppAnalyst: {},
};

/** Every sector that extends Area, with the field its profile hangs on. */
const SECTORS = [
  { name: 'police', field: 'police' },
  { name: 'health', field: 'health' },
  { name: 'housing', field: 'housing' },
  { name: 'education', field: 'education' },
  { name: 'social-services', field: 'socialServices' },
  { name: 'situation-table', field: 'situationTable' },
] as const;
const SPECS = new Map(
  discoverSubgraphs()
    .filter((s) => s.definition.indicators?.length)
    .map((s) => [s.definition.name, s.definition.indicators as readonly IndicatorSpec[]]),
);

/** A neighbourhood the registry makes small (under 2,000 residents) for these tests, through `cswb import … areas`. */
const SMALL = city.neighbourhoods[1];
const SMALL_POPULATION = 1500;
const WARD = city.wards[0];
const OPP_WARD = city.wards[city.wards.length - 1];
const NEIGHBOURHOOD = city.neighbourhoods[0];

const OBSERVATIONS = 'observations { areaId period { label } value numerator denominator perturbed suppressed suppressionReason unavailableReason }';
/**
 * An observation withheld for `reason`, or of a period its sector holds no data of (NO_DATA, the
 * same for every area and caller, docs/data.md): either way no figure.
 */
const withheldFor = (reason: string) => (o: any) =>
  (o.suppressed && o.suppressionReason === reason && o.unavailableReason === null) ||
  (o.unavailableReason === 'NO_DATA' && !o.suppressed && !o.perturbed && o.value === null && o.numerator === null && o.denominator === null);
const indicators = (from: string, to: string, granularity: string, ids?: string[]) =>
  `indicators(from: "${from}", to: "${to}", granularity: ${granularity}${ids ? `, ids: ${JSON.stringify(ids)}` : ''}) { indicator { id } ${OBSERVATIONS} }`;

function subgraph(name: string) {
  const found = stack.subgraphs.find((s) => s.name === name);
  if (!found) throw new Error(`no subgraph ${name}`);
  return found;
}

/** What the gateway gives the caller for one area's sector profile. */
async function viaGateway(field: string, areaId: string, selection: string, caller: Record<string, string>) {
  const response = await graphql(stack.gateway.url, `{ area(id: "${areaId}") { id ${field} { ${selection} } } }`, undefined, caller);
  expect(response.data?.area).not.toBeNull();
  return response.data!.area[field];
}

/** The same selection asked of the sector subgraph directly, for representations of the attacker's making. */
function direct(sector: { name: string; field: string }, representations: unknown[], selection: string, caller: Record<string, string>) {
  return graphql(
    subgraph(sector.name),
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Area { ${sector.field} { ${selection} } } } }`,
    { r: representations },
    caller,
  );
}

beforeAll(async () => {
  headers.public = bearer(await signToken({ sub: 'resident', scope: '', purpose: 'public-reporting' }));
  headers.planner = bearer(await signToken({ sub: 'planner', scope: 'aggregates:read plans:write', purpose: 'planning' }));
  const analyst = (agency: string) => signToken({ sub: `${agency}-analyst`, scope: 'aggregates:read records:read:police', agency, sector: 'police', purpose: 'evaluation' });
  headers.municipalAnalyst = bearer(await analyst(POLICE_AGENCIES.municipal));
  headers.oppAnalyst = bearer(await analyst(POLICE_AGENCIES.opp));
  stack = await startTestStack('representations');

  // A real deployment loads the registry with `cswb import <subgraph> areas`: the same file into
  // every subgraph, here with one neighbourhood under the sub-annual population threshold.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-areas-'));
  const rows = allAreas(city).map((a) => [a.id, a.name, a.kind, a.parentId ?? '', a.id === SMALL.id ? SMALL_POPULATION : a.population].join(','));
  const file = writeFileIn(tmp, 'areas.csv', `id,name,kind,parent_id,population\n${rows.join('\n')}\n`);
  const results = await Promise.all(
    stack.subgraphs.map((s) => cswb(['import', s.name, 'areas', file], { [`${envPrefix(s.name)}_DATABASE_URL`]: stack.ownerUrls[s.name] })),
  );
  for (const [i, result] of results.entries()) {
    expect({ subgraph: stack.subgraphs[i].name, code: result.code, stderr: result.stderr }).toMatchObject({ code: 0 });
    expect(result.stdout).toContain(`${rows.length} rows read, 0 inserted, 1 updated, ${rows.length - 1} unchanged, 0 rejected`);
  }
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('forged Area representations, sent to every sector subgraph directly', () => {
  it.each(SECTORS)('$name: a made-up population does not lift the small-area rule (months of a neighbourhood under 2,000 residents)', async (sector) => {
    const selection = indicators('2024-01-01', '2024-12-31', 'MONTH');
    const gateway = await viaGateway(sector.field, SMALL.id, selection, headers.planner);
    const observations = gateway.indicators.flatMap((s: any) => s.observations);
    expect(observations.some((o: any) => o.suppressed)).toBe(true);
    expect(observations.every(withheldFor('SMALL_AREA'))).toBe(true);

    const forged = { __typename: 'Area', id: SMALL.id, population: 1_000_000, neighbourhoodIds: [SMALL.id] };
    const response = await direct(sector, [forged], selection, headers.planner);
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities[0][sector.field]).toEqual(gateway);
  });

  it.each(SECTORS)('$name: duplicated or foreign neighbourhood ids count nothing twice and nothing outside the area', async (sector) => {
    const selection = indicators('2024-01-01', '2024-12-31', 'MONTH');
    // Anonymous: a single neighbourhood is withheld (coarse geography), however many times it is listed.
    const gatewayNeighbourhood = await viaGateway(sector.field, NEIGHBOURHOOD.id, selection, headers.anonymous);
    expect(gatewayNeighbourhood.indicators.flatMap((s: any) => s.observations).every(withheldFor('COARSE_GEOGRAPHY_ONLY'))).toBe(true);
    const tenfold = Array.from({ length: 10 }, () => NEIGHBOURHOOD.id);
    const single = await direct(sector, [{ __typename: 'Area', id: NEIGHBOURHOOD.id, population: 50_000, neighbourhoodIds: tenfold }], selection, headers.anonymous);
    expect(single.errors).toBeUndefined();
    expect(single.data!._entities[0][sector.field]).toEqual(gatewayNeighbourhood);

    // A ward with one of its neighbourhoods listed ten times, and another ward's besides.
    const gatewayWard = await viaGateway(sector.field, WARD.id, selection, headers.anonymous);
    const forged = { __typename: 'Area', id: WARD.id, population: 1, neighbourhoodIds: [...tenfold, ...city.neighbourhoods.map((n) => n.id)] };
    const ward = await direct(sector, [forged], selection, headers.anonymous);
    expect(ward.errors).toBeUndefined();
    expect(ward.data!._entities[0][sector.field]).toEqual(gatewayWard);
  });

  it("health: the protected age breakdown of a ward cannot be multiplied past its thresholds", async () => {
    const selection = 'edVisitsByAgeGroup(from: "2024-01-01", to: "2024-12-31", reason: SELF_HARM) { ageGroup visits perturbed suppressed suppressionReason }';
    const gateway = await viaGateway('health', WARD.id, selection, headers.planner);
    const member = city.neighbourhoods.find((n) => n.parentId === WARD.id)!.id;
    const forged = { __typename: 'Area', id: WARD.id, population: 10_000_000, neighbourhoodIds: Array.from({ length: 20 }, () => member) };
    const response = await direct(SECTORS[1], [forged, { __typename: 'Area', id: member, neighbourhoodIds: [member, member, member] }], selection, headers.planner);
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities[0].health).toEqual(gateway);
    expect(response.data!._entities[1].health).toEqual(await viaGateway('health', member, selection, headers.planner));
    expect(gateway.edVisitsByAgeGroup.every((g: any) => g.perturbed)).toBe(true);
  });

  it('health: the age breakdown keeps its route rules when asked of the subgraph directly, whatever the representation claims', async () => {
    const field = (from: string, to: string) => `edVisitsByAgeGroup(from: "${from}", to: "${to}", reason: SELF_HARM) { ageGroup visits perturbed suppressed suppressionReason }`;
    const member = NEIGHBOURHOOD.id;
    // Several periods at once would be another estimate of each: refused, as through the gateway.
    for (const [from, to] of [['2023-01-01', '2024-12-31'], ['2024-02-01', '2024-04-30']]) {
      const forged = await direct(SECTORS[1], [{ __typename: 'Area', id: WARD.id, population: 10_000_000 }], field(from, to), headers.planner);
      expect(forged.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(forged.data?._entities?.[0]?.health ?? null).toBeNull();
    }
    // A neighbourhood passed off as a ward (many neighbourhood ids) still gets its quarter withheld.
    const quarter = field('2024-04-01', '2024-06-30');
    const forged = await direct(SECTORS[1], [{ __typename: 'Area', id: member, neighbourhoodIds: [member, WARD.id, OPP_WARD.id] }], quarter, headers.planner);
    expect(forged.errors).toBeUndefined();
    expect(forged.data!._entities[0].health).toEqual(await viaGateway('health', member, quarter, headers.planner));
    for (const group of forged.data!._entities[0].health.edVisitsByAgeGroup) expect(group).toMatchObject({ visits: null, suppressionReason: 'FINE_BREAKDOWN' });
  });

  it.each(SECTORS)('$name: unknown and fresh ids are null with NOT_FOUND, so no fresh perturbation is ever drawn', async (sector) => {
    const selection = indicators('2024-01-01', '2024-12-31', 'YEAR');
    const gateway = await graphql(stack.gateway.url, `{ area(id: "${WARD.id}-fresh-1") { id } }`);
    expect(gateway.data?.area).toBeNull();
    expect(gateway.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const fresh = Array.from({ length: 50 }, (_, i) => ({ __typename: 'Area', id: `${WARD.id}-fresh-${i}`, population: 70_000, neighbourhoodIds: [NEIGHBOURHOOD.id] }));
    const representations = [...fresh, { __typename: 'Area', id: WARD.id }, { __typename: 'Area', id: 42 }, { __typename: 'Area' }];
    const response = await direct(sector, representations, selection, headers.anonymous);
    expect(response.data!._entities.slice(0, 50)).toEqual(fresh.map(() => null));
    expect(response.data!._entities[50][sector.field]).toEqual(await viaGateway(sector.field, WARD.id, selection, headers.anonymous));
    expect(response.data!._entities.slice(51)).toEqual([null, null]);
    const codes = new Map((response.errors ?? []).map((e) => [e.path?.[1], e.extensions?.code]));
    for (let i = 0; i < 50; i++) expect(codes.get(i)).toBe('NOT_FOUND');
    expect(codes.get(51)).toBe('BAD_USER_INPUT');
    expect(codes.get(52)).toBe('BAD_USER_INPUT');
    expect(codes.has(50)).toBe(false);
  });

  it.each(SECTORS)('$name: duplicate representations collapse into one area, read once, whatever else they claim', async (sector) => {
    const selection = indicators('2023-01-01', '2024-12-31', 'QUARTER');
    const gateway = await viaGateway(sector.field, WARD.id, selection, headers.planner);
    const copies = [
      ...Array.from({ length: 20 }, () => ({ __typename: 'Area', id: WARD.id })),
      { __typename: 'Area', id: WARD.id, population: 3, neighbourhoodIds: [NEIGHBOURHOOD.id, NEIGHBOURHOOD.id] },
      { __typename: 'Area', id: WARD.id, population: 10_000_000, neighbourhoodIds: city.neighbourhoods.map((n) => n.id) },
    ];
    stack.counters[sector.name].reset();
    const response = await direct(sector, copies, selection, headers.planner);
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toHaveLength(copies.length);
    for (const entity of response.data!._entities) expect(entity[sector.field]).toEqual(gateway);
    // One statement for the area, one for its measures: the copies are one loader key.
    expect(stack.counters[sector.name].count).toBe(2);
  });
});

describe('the representation cap', () => {
  const limit = DEFAULT_MAX_REPRESENTATIONS;

  it('is typed configuration, refused at start when it is not a positive whole number', () => {
    expect(readSubgraphLimits({})).toEqual({ maxRepresentations: limit });
    expect(readSubgraphLimits({ MAX_REPRESENTATIONS: '250' })).toEqual({ maxRepresentations: 250 });
    for (const bad of ['0', '-1', 'many', '1.5']) expect(() => readSubgraphLimits({ MAX_REPRESENTATIONS: bad })).toThrow(/MAX_REPRESENTATIONS/);
    // Well above what the gateway sends a sector for the largest seeded city's every-area profile.
    expect(limit).toBeGreaterThan(158 + 25 + 1);
  });

  it.each([...SECTORS.map((s) => s.name), 'planning'])('%s refuses more representations than the cap with HTTP 400, before any statement', async (name) => {
    const field = SECTORS.find((s) => s.name === name)?.field;
    const selection = field ? `${field} { ${indicators('2024-01-01', '2024-12-31', 'YEAR')} }` : 'name';
    const query = (alias: string) => `${alias}: _entities(representations: $r) { ... on Area { id ${selection} } }`;
    const representations = Array.from({ length: limit + 1 }, (_, i) => ({ __typename: 'Area', id: city.neighbourhoods[i % city.neighbourhoods.length].id }));
    stack.counters[name].reset();
    const over = await graphql(subgraph(name), `query ($r: [_Any!]!) { ${query('a')} }`, { r: representations }, headers.planner);
    expect(over.status).toBe(400);
    expect(over.data ?? null).toBeNull();
    expect(over.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'TOO_MANY_REPRESENTATIONS', limit, count: limit + 1 }) })]);
    // Split over aliases and fragments, the total still counts.
    const half = representations.slice(0, Math.ceil((limit + 1) / 2));
    const split = await graphql(
      subgraph(name),
      `query ($r: [_Any!]!) { ${query('a')} ...More } fragment More on Query { ${query('b')} }`,
      { r: half },
      headers.planner,
    );
    expect(split.status).toBe(400);
    expect(split.errors?.[0].extensions?.code).toBe('TOO_MANY_REPRESENTATIONS');
    expect(stack.counters[name].count).toBe(0);

    // At the cap, it answers.
    const at = await graphql(subgraph(name), `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Area { id } } }`, { r: representations.slice(0, limit) }, headers.planner);
    expect(at.status).toBe(200);
    expect(at.data!._entities).toHaveLength(limit);
  });
});

describe('forged readings, sent to every sector subgraph directly', () => {
  const reading = (sector: string, fields: Record<string, unknown>) => ({
    __typename: readingTypeName(sector),
    measureId: randomUUID(),
    indicatorId: SPECS.get(sector)![0].definition.id,
    areaId: WARD.id,
    baseline: 10,
    target: 5,
    baselineDate: '2021-12-31',
    targetDate: '2030-12-31',
    ...fields,
  });
  const READING = 'measureId series { areaId period { label } value numerator denominator perturbed suppressed suppressionReason unavailableReason } current { value } progress trend';
  const readingsQuery = (sector: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${readingTypeName(sector)} { ${READING} } } }`;

  /** The same yearly series through the gateway's root fields, for the same caller. */
  async function rootSeries(sector: (typeof SECTORS)[number], indicatorId: string, areaId: string, labels: string[], caller: Record<string, string>) {
    const profile = await viaGateway(sector.field, areaId, indicators(`${labels[0]}-01-01`, `${labels[labels.length - 1]}-12-31`, 'YEAR', [indicatorId]), caller);
    return profile.indicators[0].observations;
  }

  it.each(SECTORS)("$name: the area's population and neighbourhoods come from the registry, the rules as for the root fields", async (sector) => {
    const forged = [
      // A ward whose representation claims a tiny population and one neighbourhood ten times over.
      reading(sector.name, { areaPopulation: 1, areaNeighbourhoodIds: Array.from({ length: 10 }, () => NEIGHBOURHOOD.id) }),
      // A single neighbourhood made to look like several.
      reading(sector.name, { areaId: NEIGHBOURHOOD.id, areaPopulation: 1_000_000, areaNeighbourhoodIds: [NEIGHBOURHOOD.id, NEIGHBOURHOOD.id, WARD.id] }),
    ];
    const response = await graphql(subgraph(sector.name), readingsQuery(sector.name), { r: forged }, headers.anonymous);
    expect(response.errors).toBeUndefined();
    for (const [i, entity] of response.data!._entities.entries()) {
      const labels = entity.series.map((o: any) => o.period.label);
      expect(labels.length).toBeGreaterThan(0);
      expect(entity.series).toEqual(await rootSeries(sector, forged[i].indicatorId, forged[i].areaId, labels, headers.anonymous));
    }
    expect(response.data!._entities[1].series.every(withheldFor('COARSE_GEOGRAPHY_ONLY'))).toBe(true);
    expect(response.data!._entities[1].progress).toBe('UNKNOWN');
  });

  it.each(SECTORS)('$name: an unknown area, an unknown or foreign indicator, a malformed date are null with an error', async (sector) => {
    const foreign = [...SPECS.entries()].find(([name]) => name !== sector.name)![1][0].definition.id;
    const forged = [
      reading(sector.name, { areaId: `${WARD.id}-fresh` }),
      reading(sector.name, { indicatorId: `${sector.name}.no_such_indicator` }),
      reading(sector.name, { indicatorId: foreign }),
      reading(sector.name, { baselineDate: '0000-01-01' }),
      reading(sector.name, {}),
    ];
    const response = await graphql(subgraph(sector.name), readingsQuery(sector.name), { r: forged }, headers.anonymous);
    expect(response.data!._entities.slice(0, 4)).toEqual([null, null, null, null]);
    expect(response.data!._entities[4]).not.toBeNull();
    const codes = new Map((response.errors ?? []).map((e) => [e.path?.[1], e.extensions?.code]));
    expect([codes.get(0), codes.get(1), codes.get(2), codes.get(3)]).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'BAD_USER_INPUT']);
  });
});

describe("a police analyst gets exact counts only where every record is their own service's", () => {
  const police = SECTORS[0];
  const selection = indicators('2024-01-01', '2024-12-31', 'YEAR', ['police.violent_crime_rate']);
  const violent = (areaIds: Set<string>) => occurrences.filter((o) => areaIds.has(o.areaId) && o.category === 'VIOLENT' && o.occurredOn.startsWith('2024-')).length;
  const under = (wardId: string) => new Set(city.neighbourhoods.filter((n) => n.parentId === wardId).map((n) => n.id));

  it('an area with another service’s records gets the protected figure a planner gets, through the gateway and directly', async () => {
    for (const [caller, areaId] of [
      ['municipalAnalyst', OPP_WARD.id],
      ['municipalAnalyst', city.municipality.id],
      ['oppAnalyst', WARD.id],
      ['oppAnalyst', city.municipality.id],
    ] as const) {
      const planner = await viaGateway(police.field, areaId, selection, headers.planner);
      const analyst = await viaGateway(police.field, areaId, selection, headers[caller]);
      expect({ caller, areaId, analyst }).toEqual({ caller, areaId, analyst: planner });
      const forged = await direct(police, [{ __typename: 'Area', id: areaId, neighbourhoodIds: [...under(WARD.id)] }], selection, headers[caller]);
      expect(forged.data!._entities[0][police.field]).toEqual(planner);
      expect(planner.indicators[0].observations[0].perturbed).toBe(true);
    }
  });

  it('areas only their own service polices stay exact', async () => {
    for (const [caller, wardId] of [
      ['municipalAnalyst', WARD.id],
      ['oppAnalyst', OPP_WARD.id],
    ] as const) {
      const analyst = await viaGateway(police.field, wardId, selection, headers[caller]);
      expect(analyst.indicators[0].observations[0]).toMatchObject({ numerator: violent(under(wardId)), suppressed: false });
      const response = await direct(police, [{ __typename: 'Area', id: wardId }], selection, headers[caller]);
      expect(response.data!._entities[0][police.field]).toEqual(analyst);
    }
  });

  it('readings follow the same rule', async () => {
    const forged = {
      __typename: 'PoliceIndicatorReading',
      measureId: randomUUID(),
      indicatorId: 'police.violent_crime_rate',
      areaId: OPP_WARD.id,
      baseline: 5,
      target: 4,
      baselineDate: '2024-01-01',
      targetDate: '2026-12-31',
      areaNeighbourhoodIds: [...under(WARD.id)],
    };
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on PoliceIndicatorReading { series { areaId period { label } value numerator denominator suppressed suppressionReason } } } }';
    const asMunicipal = await graphql(subgraph('police'), query, { r: [forged] }, headers.municipalAnalyst);
    const asPlanner = await graphql(subgraph('police'), query, { r: [forged] }, headers.planner);
    const asOpp = await graphql(subgraph('police'), query, { r: [forged] }, headers.oppAnalyst);
    expect(asMunicipal.data!._entities[0].series).toEqual(asPlanner.data!._entities[0].series);
    expect(asOpp.data!._entities[0].series[0]).toMatchObject({ numerator: violent(under(OPP_WARD.id)), suppressed: false });
  });
});

describe("a draft plan's entities resolve only for callers who may read the plan", () => {
  let draft: { id: string; risks: { id: string; category: string; neighbourhoodIds: string[] }[]; measures: { id: string; type: string }[] };
  let published: { risks: { id: string; category: string; neighbourhoodIds: string[] }[] };
  const PLANS = (status: string) => `{ plans(status: ${status}) { id priorityRisks { id category neighbourhoodIds } performanceMeasures { id reading { __typename } } } }`;

  beforeAll(async () => {
    const drafts = await graphql(stack.gateway.url, PLANS('DRAFT'), undefined, headers.planner);
    const plan = drafts.data!.plans[0];
    draft = {
      id: plan.id,
      risks: plan.priorityRisks,
      measures: plan.performanceMeasures.filter((m: any) => m.reading).map((m: any) => ({ id: m.id, type: m.reading.__typename })),
    };
    expect(draft.risks.length).toBeGreaterThan(0);
    expect(draft.measures.length).toBeGreaterThan(0);
    published = { risks: (await graphql(stack.gateway.url, PLANS('PUBLISHED'))).data!.plans[0].priorityRisks };
  });

  const entitiesQuery = `query ($r: [_Any!]!) { _entities(representations: $r) {
    ... on Plan { id title }
    ... on PlanPriorityRisk { id rationale category neighbourhoodIds }
    ${['Police', 'Health', 'Housing', 'Education', 'SocialServices', 'SituationTable'].map((s) => `... on ${s}IndicatorReading { measureId indicatorId areaId baseline target }`).join('\n')}
  } }`;
  const representations = () => [
    { __typename: 'Plan', id: draft.id },
    ...draft.risks.map((r) => ({ __typename: 'PlanPriorityRisk', id: r.id })),
    ...draft.measures.map((m) => ({ __typename: m.type, measureId: m.id })),
  ];

  it.each(['anonymous', 'public'] as const)('%s: the gateway gives nothing of the draft, and planning directly gives null with NOT_FOUND for each entity', async (who) => {
    const gateway = await graphql(stack.gateway.url, `{ plan(id: "${draft.id}") { id title } }`, undefined, headers[who]);
    expect(gateway.data?.plan).toBeNull();
    expect(gateway.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await graphql(stack.gateway.url, PLANS('DRAFT'), undefined, headers[who])).data?.plans ?? []).toEqual([]);

    const r = representations();
    const response = await graphql(subgraph('planning'), entitiesQuery, { r }, headers[who]);
    expect(response.data!._entities).toEqual(r.map(() => null));
    expect(response.errors).toHaveLength(r.length);
    for (const error of response.errors!) expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(response)).not.toMatch(/rationale|baseline/);
  });

  it('a planner, who reads drafts from the root fields, gets them through references too', async () => {
    const r = representations();
    const response = await graphql(subgraph('planning'), entitiesQuery, { r }, headers.planner);
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities[0]).toMatchObject({ id: draft.id });
    expect(response.data!._entities.slice(1, 1 + draft.risks.length).map((e: any) => e.id)).toEqual(draft.risks.map((risk) => risk.id));
    expect(response.data!._entities.slice(1 + draft.risks.length).map((e: any) => e.measureId)).toEqual(draft.measures.map((m) => m.id));
  });

  it("social services answers a risk's coverage as a question about its public directory: nothing of the draft, nothing counted twice", async () => {
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on PlanPriorityRisk { serviceCoverage { areaId frameworkArea services gap } } } }';
    const risk = published.risks[0];
    const gateway = await graphql(stack.gateway.url, '{ plans(status: PUBLISHED) { priorityRisks { id serviceCoverage { areaId frameworkArea services gap } } } }');
    const expected = gateway.data!.plans[0].priorityRisks.find((r: any) => r.id === risk.id).serviceCoverage;
    expect(expected.length).toBeGreaterThan(0);

    const question = { category: risk.category, neighbourhoodIds: [...risk.neighbourhoodIds, ...risk.neighbourhoodIds] };
    const response = await graphql(
      subgraph('social-services'),
      query,
      {
        r: [
          { __typename: 'PlanPriorityRisk', id: risk.id, ...question },
          // A draft's risk id with the same question: the answer is the question's, not the draft's.
          { __typename: 'PlanPriorityRisk', id: draft.risks[0].id, ...question },
          { __typename: 'PlanPriorityRisk', id: randomUUID(), category: risk.category, neighbourhoodIds: [`${NEIGHBOURHOOD.id}-fresh`] },
          { __typename: 'PlanPriorityRisk', id: randomUUID(), category: 'NOT_A_CATEGORY', neighbourhoodIds: [NEIGHBOURHOOD.id] },
        ],
      },
      headers.anonymous,
    );
    expect(response.data!._entities[0].serviceCoverage).toEqual(expected);
    expect(response.data!._entities[1].serviceCoverage).toEqual(expected);
    expect(response.data!._entities.slice(2)).toEqual([null, null]);
    const codes = new Map((response.errors ?? []).map((e) => [e.path?.[1], e.extensions?.code]));
    expect([codes.get(2), codes.get(3)]).toEqual(['NOT_FOUND', 'BAD_USER_INPUT']);
  });
});

describe('reads through `_entities` are audited as reads through the root fields are', () => {
  interface Logged {
    request_id: string;
    subject: string | null;
    fields: string[];
    arguments: Record<string, Record<string, unknown>[]>;
  }
  const logged = (name: string, requestId: string): Promise<Logged[]> =>
    subgraph(name).db.query('SELECT request_id, subject, fields, arguments FROM audit_log WHERE request_id = $1', [requestId]);

  /** `_entities` straight to the subgraph, with the gateway's credentials and a request id of the test's choosing. */
  async function entitiesWithId(sector: { name: string; field: string }, representations: unknown[], selection: string, caller: Record<string, string>) {
    const requestId = randomUUID();
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Area { ${sector.field} { ${selection} } } } }`;
    const response = await postAsGateway(subgraph(sector.name), JSON.stringify({ query, variables: { r: representations } }), { 'content-type': 'application/json', ...caller }, { requestId });
    expect(response.status).toBe(200);
    return { requestId, body: JSON.parse(response.body) as { data?: any; errors?: any[] } };
  }

  it.each(SECTORS)('$name: a neighbourhood reached by reference is logged, even when the representation claims it is a ward', async (sector) => {
    const selection = indicators('2024-01-01', '2024-12-31', 'YEAR');
    const disguised = { __typename: 'Area', id: NEIGHBOURHOOD.id, neighbourhoodIds: city.neighbourhoods.map((n) => n.id), kind: 'WARD' };
    const { requestId, body } = await entitiesWithId(sector, [disguised], selection, headers.public);
    expect(body.errors).toBeUndefined();
    expect(body.data._entities[0][sector.field].indicators.length).toBeGreaterThan(0);
    const entries = await logged(sector.name, requestId);
    expect(entries).toHaveLength(1);
    expect(entries[0].subject).toBe('resident');
    const [coordinate] = entries[0].fields;
    expect(coordinate).toMatch(/Profile\.indicators$/);
    expect(entries[0].arguments[coordinate]).toEqual([expect.objectContaining({ areaId: NEIGHBOURHOOD.id })]);
  });

  it.each(SECTORS)('$name: an unknown area read by reference leaves no entry, since nothing was read', async (sector) => {
    const { requestId, body } = await entitiesWithId(sector, [{ __typename: 'Area', id: `${NEIGHBOURHOOD.id}-nowhere` }], indicators('2024-01-01', '2024-12-31', 'YEAR'), headers.public);
    expect(body.data._entities).toEqual([null]);
    expect(await logged(sector.name, requestId)).toEqual([]);
  });

  it("health: the protected age breakdown read by reference names the field, the area and the caller", async () => {
    const selection = 'edVisitsByAgeGroup(from: "2024-01-01", to: "2024-12-31") { ageGroup visits suppressed }';
    const { requestId, body } = await entitiesWithId(SECTORS[1], [{ __typename: 'Area', id: WARD.id, neighbourhoodIds: [NEIGHBOURHOOD.id] }], selection, headers.planner);
    expect(body.errors).toBeUndefined();
    const entries = await logged('health', requestId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ subject: 'planner', fields: ['HealthProfile.edVisitsByAgeGroup'] });
    expect(entries[0].arguments['HealthProfile.edVisitsByAgeGroup']).toEqual([expect.objectContaining({ areaId: WARD.id, from: '2024-01-01', to: '2024-12-31' })]);

    // Refused (no aggregates:read): no data and no entry.
    const refused = await entitiesWithId(SECTORS[1], [{ __typename: 'Area', id: WARD.id }], selection, headers.public);
    expect(refused.body.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHORIZED_FIELD_OR_TYPE');
    expect(JSON.stringify(refused.body.data ?? null)).not.toContain('visits');
    expect(await logged('health', refused.requestId)).toEqual([]);
  });
});

describe('every entity type of every subgraph is covered here', () => {
  it('lists the entity types these tests forge', () => {
    const forged = new Set(['Area', 'Plan', 'PlanPriorityRisk', ...SECTORS.map((s) => readingTypeName(s.name))]);
    for (const name of fs.readdirSync(path.join(PROJECT_ROOT, 'subgraphs'))) {
      const sdl = fs.readFileSync(path.join(PROJECT_ROOT, 'subgraphs', name, 'generated', 'schema.graphql'), 'utf8');
      for (const [, type] of sdl.matchAll(/^type (\w+)(?: implements \w+)? @key/gm)) expect({ subgraph: name, type, forged: forged.has(type) }).toEqual({ subgraph: name, type, forged: true });
    }
  });
});

describe('no record key, key sum or cell key in any schema an attacker can query', () => {
  it.each(['gateway/generated/api-schema.graphql', ...SECTORS.map((sector) => `subgraphs/${sector.name}/generated/schema.graphql`)])('%s', (file) => {
    const sdl = fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
    expect(sdl).not.toMatch(/record_?key|key_?sum|cell_?key/i);
  });
});
