import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConstDirectiveNode, Kind, parse, ValueNode } from 'graphql';
import { PROJECT_ROOT } from '@cswb/cli';
import { graphql, GraphQLResponse } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken, TestClaims } from '@cswb/testing/tokens';

/**
 * The access matrix, generated from the composed schema: every field that declares
 * @authenticated, @requiresScopes or @policy, asked for by every role, through the gateway and
 * directly from the subgraph that owns it. What is expected comes from the declarations
 * themselves (read here from the supergraph, independently of the hub's own code), so removing
 * a rule from a field, or an enforcement point, fails this test.
 */

interface Requirements {
  authenticated: boolean;
  scopes: string[][] | null;
  policies: string[][] | null;
}

function matrix(value: ValueNode | undefined): string[][] {
  if (!value || value.kind !== Kind.LIST) return [];
  return value.values.map((group) => (group.kind === Kind.LIST ? group.values.map((v) => (v.kind === Kind.STRING ? v.value : '')) : []));
}

function requirementsOf(directives: readonly ConstDirectiveNode[] | undefined): Requirements | null {
  const found: Requirements = { authenticated: false, scopes: null, policies: null };
  for (const d of directives ?? []) {
    const arg = (name: string) => d.arguments?.find((a) => a.name.value === name)?.value;
    if (d.name.value === 'authenticated') found.authenticated = true;
    if (d.name.value === 'requiresScopes') found.scopes = matrix(arg('scopes'));
    if (d.name.value === 'policy') found.policies = matrix(arg('policies'));
  }
  return found.authenticated || found.scopes || found.policies ? found : null;
}

/** Protected field coordinates in the committed supergraph. */
function protectedFields(): Map<string, Requirements> {
  const document = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'gateway', 'generated', 'supergraph.graphql'), 'utf8'));
  const fields = new Map<string, Requirements>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const onType = requirementsOf(definition.directives);
    for (const field of definition.fields ?? []) {
      const requirements = requirementsOf(field.directives) ?? onType;
      if (requirements) fields.set(`${definition.name.value}.${field.name.value}`, requirements);
    }
  }
  return fields;
}

const ROLE_CLAIMS: Record<string, TestClaims | null> = {
  anonymous: null,
  planner: { scope: 'aggregates:read', agency: 'lakeshore-municipality', purpose: 'planning' },
  policeAnalyst: { scope: 'aggregates:read records:read:police', agency: 'lakeshore-police', sector: 'police', purpose: 'evaluation' },
  policeAnalystReporting: { scope: 'aggregates:read records:read:police', agency: 'lakeshore-police', sector: 'police', purpose: 'public-reporting' },
  healthAnalyst: { scope: 'aggregates:read records:read:health', agency: 'lakeshore-health', sector: 'health', purpose: 'evaluation' },
  educationAnalyst: { scope: 'aggregates:read records:read:education', agency: 'lakeshore-education', sector: 'education', purpose: 'evaluation' },
  housingAnalyst: { scope: 'aggregates:read records:read:housing', agency: 'lakeshore-housing', sector: 'housing', purpose: 'evaluation' },
  situationTable: { scope: 'risk:read', agency: 'lakeshore-police', purpose: 'risk-intervention' },
  auditor: { scope: 'audit:read', agency: 'lakeshore-municipality', purpose: 'evaluation' },
};

function allowedFor(requirements: Requirements, claims: TestClaims | null): boolean {
  if (!claims) return false;
  const scopes = (claims.scope ?? '').split(' ').filter(Boolean);
  const policies = claims.purpose ? [`purpose:${claims.purpose}`] : [];
  const satisfied = (groups: string[][], held: string[]) => groups.some((g) => g.every((x) => held.includes(x)));
  if (requirements.scopes && !satisfied(requirements.scopes, scopes)) return false;
  if (requirements.policies && !satisfied(requirements.policies, policies)) return false;
  return true;
}

interface Probe {
  subgraph: string;
  /** Through the gateway. */
  query: string;
  /** Response path of the protected field in `query`. */
  path: (string | number)[];
  /** Protected fields the path passes through first. */
  within?: string[];
  /** The same read sent to the owning subgraph directly (defaults to `query`). */
  direct?: { query: string; variables?: Record<string, unknown>; path: (string | number)[] };
}

const WARD = 'lakeshore-w01';
const NEIGHBOURHOOD = 'lakeshore-n002';
const AREA_REPRESENTATION = { __typename: 'Area', id: WARD, population: 1, neighbourhoodIds: ['lakeshore-n001', 'lakeshore-n005'] };
const ENTITIES = (selection: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Area { ${selection} } } }`;

const PROBES: Record<string, Probe> = {
  'Query.riskAnalysis': {
    subgraph: 'planning',
    query: '{ riskAnalysis(indicators: [{ indicatorId: "police.violent_crime_rate", weight: 1 }], from: "2024-01-01", to: "2024-12-31", kind: WARD) { areaId } }',
    path: ['riskAnalysis'],
  },
  'Query.policeOccurrences': {
    subgraph: 'police',
    query: `{ policeOccurrences(areaId: "${NEIGHBOURHOOD}", from: "2024-01-01", to: "2024-03-31") { occurrenceNumber } }`,
    path: ['policeOccurrences'],
  },
  'Query.policeCallsForService': {
    subgraph: 'police',
    query: `{ policeCallsForService(areaId: "${NEIGHBOURHOOD}", from: "2024-01-01", to: "2024-01-31") { callNumber } }`,
    path: ['policeCallsForService'],
  },
  'Query.healthEdVisits': {
    subgraph: 'health',
    query: `{ healthEdVisits(areaId: "${NEIGHBOURHOOD}", from: "2024-01-01", to: "2024-01-31") { visits } }`,
    path: ['healthEdVisits'],
  },
  'EducationSchool.yearStats': {
    subgraph: 'education',
    query: '{ educationSchools(limit: 1) { schoolNumber yearStats(from: 2024, to: 2024) { enrolment } } }',
    path: ['educationSchools', 0, 'yearStats'],
  },
  'Query.housingShelters': {
    subgraph: 'housing',
    query: '{ housingShelters(limit: 1) { shelterCode } }',
    path: ['housingShelters'],
  },
  'HousingShelter.occupancy': {
    subgraph: 'housing',
    query: '{ housingShelters(limit: 1) { shelterCode occupancy(from: "2024-01-01", to: "2024-01-31") { occupiedBedNights } } }',
    path: ['housingShelters', 0, 'occupancy'],
    within: ['Query.housingShelters'],
  },
  'HousingProfile.shelters': {
    subgraph: 'housing',
    query: `{ area(id: "${WARD}") { housing { shelters { shelterCode } } } }`,
    path: ['area', 'housing', 'shelters'],
    direct: { query: ENTITIES('housing { shelters { shelterCode } }'), variables: { r: [AREA_REPRESENTATION] }, path: ['_entities', 0, 'housing', 'shelters'] },
  },
  'HealthProfile.edVisitsByAgeGroup': {
    subgraph: 'health',
    query: `{ area(id: "${WARD}") { health { edVisitsByAgeGroup(from: "2024-01-01", to: "2024-12-31") { ageGroup } } } }`,
    path: ['area', 'health', 'edVisitsByAgeGroup'],
    direct: {
      query: ENTITIES('health { edVisitsByAgeGroup(from: "2024-01-01", to: "2024-12-31") { ageGroup } }'),
      variables: { r: [AREA_REPRESENTATION] },
      path: ['_entities', 0, 'health', 'edVisitsByAgeGroup'],
    },
  },
  'Query.situationTableAnalytics': {
    subgraph: 'situation-table',
    query: '{ situationTableAnalytics(from: "2024-01-01", to: "2024-12-31") { discussions } }',
    path: ['situationTableAnalytics'],
  },
  'Query.situationTableDiscussions': {
    subgraph: 'situation-table',
    query: '{ situationTableDiscussions(from: "2024-01-01", to: "2024-01-31", limit: 1) { id } }',
    path: ['situationTableDiscussions'],
  },
  // Planning: the writes a planner makes, each repeating the seeded DRAFT plan's own content
  // (plan 8bd5e00c-9b21-5c20-a6c9-e97c8674649e), so that an allowed probe returns the existing rows and changes nothing.
  'Plan.createdBy': {
    subgraph: 'planning',
    query: '{ plans(status: PUBLISHED) { id createdBy } }',
    path: ['plans', 0, 'createdBy'],
  },
  'Mutation.createPlan': {
    subgraph: 'planning',
    query: 'mutation { createPlan(input: { municipalityId: "lakeshore", title: "Lakeshore Community Safety and Well-Being Plan 2028–2031", periodStart: "2028-01-01", periodEnd: "2031-12-31" }) { id } }',
    path: ['createPlan'],
  },
  'Mutation.updatePlan': {
    subgraph: 'planning',
    query: 'mutation { updatePlan(id: "8bd5e00c-9b21-5c20-a6c9-e97c8674649e", input: {}) { id } }',
    path: ['updatePlan'],
  },
  'Mutation.deletePlan': {
    subgraph: 'planning',
    query: 'mutation { deletePlan(id: "00000000-0000-4000-8000-000000000000") }',
    path: ['deletePlan'],
  },
  'Mutation.addCommitteeMember': {
    subgraph: 'planning',
    query: 'mutation { addCommitteeMember(input: { planId: "8bd5e00c-9b21-5c20-a6c9-e97c8674649e", sector: EDUCATION, organisation: "Lakeshore District School Board" }) { id } }',
    path: ['addCommitteeMember'],
  },
  'Mutation.removeCommitteeMember': {
    subgraph: 'planning',
    query: 'mutation { removeCommitteeMember(planId: "8bd5e00c-9b21-5c20-a6c9-e97c8674649e", memberId: "00000000-0000-4000-8000-000000000000") { id } }',
    path: ['removeCommitteeMember'],
  },
  'Mutation.addPriorityRisk': {
    subgraph: 'planning',
    query:
      'mutation { addPriorityRisk(input: { planId: "8bd5e00c-9b21-5c20-a6c9-e97c8674649e", category: HOUSING, areaIds: ["lakeshore"], rationale: "Eviction applications keep rising across the city; the advisory committee proposes housing stability as the first priority of the next plan." }) { id } }',
    path: ['addPriorityRisk'],
  },
  'Mutation.addStrategy': {
    subgraph: 'planning',
    query:
      'mutation { addStrategy(input: { planId: "8bd5e00c-9b21-5c20-a6c9-e97c8674649e", title: "Eviction prevention expansion", frameworkArea: PREVENTION, leadPartner: "Lakeshore Community Services Network", partners: ["Lakeshore Housing and Homelessness Services"], budget: 600000, priorityRiskIds: ["ddc6d0d0-23f4-5602-bd3f-a437832c8527"] }) { id } }',
    path: ['addStrategy'],
  },
  'Mutation.updateStrategy': {
    subgraph: 'planning',
    query: 'mutation { updateStrategy(id: "4b2512fa-21ff-5776-9b5f-fc6fdcbcbc13", input: {}) { id } }',
    path: ['updateStrategy'],
  },
  'Mutation.addOutcome': {
    subgraph: 'planning',
    query:
      'mutation { addOutcome(input: { strategyId: "4b2512fa-21ff-5776-9b5f-fc6fdcbcbc13", statement: "Fewer eviction applications across the city", level: INTERMEDIATE }) { id } }',
    path: ['addOutcome'],
  },
  'Mutation.addPerformanceMeasure': {
    subgraph: 'planning',
    query:
      'mutation { addPerformanceMeasure(input: { outcomeId: "ad99b226-eb17-54bb-a45b-69053490c522", indicatorId: "housing.eviction_application_rate", areaId: "lakeshore", baseline: 6.2, baselinePeriod: "2024", target: 5, targetDate: "2031-12-31", collectionFrequency: QUARTER, responsiblePartner: "Lakeshore Community Services Network" }) { id } }',
    path: ['addPerformanceMeasure'],
  },
  'Mutation.addImplementationTask': {
    subgraph: 'planning',
    query:
      'mutation { addImplementationTask(input: { planId: "8bd5e00c-9b21-5c20-a6c9-e97c8674649e", who: "City of Lakeshore, Community Safety and Well-Being Office", what: "Hold community consultations on the priority risks of the next plan", start: "2027-01-01", due: "2027-06-30", reportingLine: "Lakeshore CSWB Advisory Committee" }) { id } }',
    path: ['addImplementationTask'],
  },
  'Mutation.updateTaskStatus': {
    subgraph: 'planning',
    query: 'mutation { updateTaskStatus(id: "c2215270-d2aa-5dfd-aae2-f319b1f3e42d", status: NOT_STARTED) { id } }',
    path: ['updateTaskStatus'],
  },
};

/** Audit logs: one per subgraph, `<name>AuditLog`, all declared the same way. */
function probeFor(coordinate: string): Probe | undefined {
  if (PROBES[coordinate]) return PROBES[coordinate];
  const audit = /^Query\.(\w+)AuditLog$/.exec(coordinate);
  if (!audit) return undefined;
  const subgraph = audit[1].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return { subgraph, query: `{ ${audit[1]}AuditLog(limit: 1) { id } }`, path: [`${audit[1]}AuditLog`] };
}

function valueAt(data: unknown, at: (string | number)[]): unknown {
  return at.reduce<unknown>((node, key) => (node == null ? node : (node as Record<string | number, unknown>)[key]), data);
}

function deniedAt(response: GraphQLResponse, at: (string | number)[]): boolean {
  // Denied: the field (or the protected field it lies within) is null with the code at its path.
  // List indices are left out: a denial inside a list applies to every item.
  const keys = (path: readonly (string | number)[]) => path.filter((key) => typeof key === 'string').join('.');
  return (response.errors ?? []).some(
    (e) => e.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE' && e.path !== undefined && keys(at).startsWith(keys(e.path)),
  );
}

let stack: TestStack;
const tokens: Record<string, Record<string, string>> = {};
const fields = protectedFields();

beforeAll(async () => {
  stack = await startTestStack('matrix');
  for (const [role, claims] of Object.entries(ROLE_CLAIMS)) tokens[role] = claims ? bearer(await signToken(claims)) : {};
});
afterAll(async () => {
  await stack?.stop();
});

describe('access matrix', () => {
  it('covers every protected field of the composed schema with a probe', () => {
    expect(fields.size).toBeGreaterThanOrEqual(8);
    const missing = [...fields.keys()].filter((coordinate) => !probeFor(coordinate));
    expect(missing).toEqual([]);
    const unprotectedProbes = Object.keys(PROBES).filter((coordinate) => !fields.has(coordinate));
    expect(unprotectedProbes).toEqual([]);
  });

  const cases = [...protectedFields().keys()].flatMap((coordinate) => Object.keys(ROLE_CLAIMS).map((role) => [coordinate, role] as const));

  it.each(cases)('%s for %s: through the gateway and directly, allowed exactly as declared', async (coordinate, role) => {
    const probe = probeFor(coordinate)!;
    const requirements = fields.get(coordinate)!;
    const allowed = [coordinate, ...(probe.within ?? [])].every((c) => allowedFor(fields.get(c)!, ROLE_CLAIMS[role]));
    const subgraph = stack.subgraphs.find((s) => s.name === probe.subgraph);
    expect(subgraph).toBeDefined();
    const routes = [
      { via: 'gateway', url: stack.gateway.url, query: probe.query, variables: undefined, path: probe.path },
      { via: 'subgraph', url: subgraph!, query: probe.direct?.query ?? probe.query, variables: probe.direct?.variables, path: probe.direct?.path ?? probe.path },
    ];
    for (const route of routes) {
      const response = await graphql(route.url, route.query, route.variables, tokens[role]);
      const outcome = { via: route.via, requirements, allowed: !deniedAt(response, route.path) && valueAt(response.data, route.path) != null };
      expect(outcome).toEqual({ via: route.via, requirements, allowed });
      if (!allowed) {
        expect(valueAt(response.data, route.path) ?? null).toBeNull();
        expect({ via: route.via, denied: deniedAt(response, route.path), errors: response.errors }).toMatchObject({ via: route.via, denied: true });
      }
    }
  });
});
