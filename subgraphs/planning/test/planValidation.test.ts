import { subgraph } from '@cswb/subgraph-planning';
import { startTestSubgraph, TestSubgraph } from '@cswb/testing/subgraph';
import { bearer, signToken } from '@cswb/testing/tokens';
import { Client, clientFor, planRows } from './support/plans';

let planning: TestSubgraph;
let planner: Client;

/** Ids the cases refer to: a DRAFT plan with content, another plan, and the seeded published plan. */
const ids = { draft: '', other: '', published: '', risk: '', otherRisk: '', strategy: '', otherStrategy: '', outcome: '', adopted: '', task: '' };

async function ok(query: string, variables: Record<string, unknown>, field: string): Promise<any> {
  const response = await planner(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data[field];
}

beforeAll(async () => {
  planning = await startTestSubgraph(subgraph);
  planner = clientFor(
    planning,
    bearer(await signToken({ scope: 'aggregates:read plans:write', agency: 'lakeshore-municipality', purpose: 'planning' })),
  );
  const CREATE = 'mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }';
  ids.draft = (await ok(CREATE, { input: { municipalityId: 'lakeshore', title: 'Validation plan', periodStart: '2025-01-01', periodEnd: '2028-12-31' } }, 'createPlan')).id;
  ids.other = (await ok(CREATE, { input: { municipalityId: 'lakeshore', title: 'Other plan', periodStart: '2025-01-01', periodEnd: '2028-12-31' } }, 'createPlan')).id;
  ids.adopted = (await ok(CREATE, { input: { municipalityId: 'lakeshore', title: 'Adopted plan', periodStart: '2025-01-01', periodEnd: '2028-12-31' } }, 'createPlan')).id;
  await ok('mutation ($id: ID!) { updatePlan(id: $id, input: { status: ADOPTED, adoptedOn: "2025-03-04" }) { id } }', { id: ids.adopted }, 'updatePlan');
  ids.published = (await ok('{ plans(status: PUBLISHED) { id } }', {}, 'plans'))[0].id;
  const RISK = 'mutation ($p: ID!) { addPriorityRisk(input: { planId: $p, category: HOUSING, rationale: "Evictions are rising", areaIds: ["lakeshore-w01"] }) { id } }';
  ids.risk = (await ok(RISK, { p: ids.draft }, 'addPriorityRisk')).id;
  ids.otherRisk = (await ok(RISK, { p: ids.other }, 'addPriorityRisk')).id;
  const STRATEGY = 'mutation ($p: ID!) { addStrategy(input: { planId: $p, title: "Rent bank", frameworkArea: PREVENTION, leadPartner: "Lakeshore Community Services Network", budget: 1000 }) { id } }';
  ids.strategy = (await ok(STRATEGY, { p: ids.draft }, 'addStrategy')).id;
  ids.otherStrategy = (await ok(STRATEGY, { p: ids.other }, 'addStrategy')).id;
  ids.outcome = (await ok('mutation ($s: ID!) { addOutcome(input: { strategyId: $s, statement: "Fewer evictions", level: INTERMEDIATE }) { id } }', { s: ids.strategy }, 'addOutcome')).id;
  await ok('mutation ($p: ID!) { addCommitteeMember(input: { planId: $p, sector: MUNICIPAL_EMPLOYEE_OR_COUNCILLOR, organisation: "City of Lakeshore", role: CHAIR }) { id } }', { p: ids.draft }, 'addCommitteeMember');
  ids.task = (
    await ok(
      'mutation ($p: ID!) { addImplementationTask(input: { planId: $p, who: "City of Lakeshore", what: "Open the rent bank", start: "2025-02-01", due: "2025-06-30", reportingLine: "Advisory committee" }) { id } }',
      { p: ids.draft },
      'addImplementationTask',
    )
  ).id;
});
afterAll(async () => {
  await planning?.stop();
});

const CREATE_PLAN = 'mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }';
const UPDATE_PLAN = 'mutation ($id: ID!, $input: UpdatePlanInput!) { updatePlan(id: $id, input: $input) { id } }';
const ADD_MEMBER = 'mutation ($input: AddCommitteeMemberInput!) { addCommitteeMember(input: $input) { id } }';
const ADD_RISK = 'mutation ($input: AddPriorityRiskInput!) { addPriorityRisk(input: $input) { id } }';
const ADD_STRATEGY = 'mutation ($input: AddStrategyInput!) { addStrategy(input: $input) { id } }';
const UPDATE_STRATEGY = 'mutation ($id: ID!, $input: UpdateStrategyInput!) { updateStrategy(id: $id, input: $input) { id } }';
const ADD_OUTCOME = 'mutation ($input: AddOutcomeInput!) { addOutcome(input: $input) { id } }';
const ADD_MEASURE = 'mutation ($input: AddPerformanceMeasureInput!) { addPerformanceMeasure(input: $input) { id } }';
const ADD_TASK = 'mutation ($input: AddImplementationTaskInput!) { addImplementationTask(input: $input) { id } }';
const DELETE_PLAN = 'mutation ($id: ID!) { deletePlan(id: $id) }';

const plan = (over: Record<string, unknown> = {}) => ({ municipalityId: 'lakeshore', title: 'A new plan', periodStart: '2026-01-01', periodEnd: '2029-12-31', ...over });
const risk = (over: Record<string, unknown> = {}) => ({ planId: ids.draft, category: 'POVERTY', rationale: 'Poverty is concentrated in the ward', areaIds: ['lakeshore-w02'], ...over });
const strategy = (over: Record<string, unknown> = {}) => ({
  planId: ids.draft,
  title: 'Food security',
  frameworkArea: 'SOCIAL_DEVELOPMENT',
  leadPartner: 'Lakeshore Food Bank Network',
  partners: ['City of Lakeshore'],
  budget: 2500,
  priorityRiskIds: [ids.risk],
  ...over,
});
const measure = (over: Record<string, unknown> = {}) => ({
  outcomeId: ids.outcome,
  indicatorId: 'police.violent_crime_rate',
  areaId: 'lakeshore-w01',
  baseline: 10,
  baselinePeriod: '2024',
  target: 8,
  targetDate: '2028-12-31',
  responsiblePartner: 'Lakeshore Police Service',
  ...over,
});
const task = (over: Record<string, unknown> = {}) => ({
  planId: ids.draft,
  who: 'Lakeshore Youth Services Bureau',
  what: 'Hire outreach workers',
  start: '2025-02-01',
  due: '2025-03-31',
  reportingLine: 'Advisory committee',
  ...over,
});

interface Case {
  mutation: string;
  query: string;
  variables: () => Record<string, unknown>;
  message: () => string;
  argument: string;
}

const CASES: [string, Case][] = [
  ['an empty title', { mutation: 'createPlan', query: CREATE_PLAN, variables: () => ({ input: plan({ title: '   ' }) }), message: () => 'input.title must be 1 to 200 characters, got 0', argument: 'input.title' }],
  ['a title over 200 characters', { mutation: 'createPlan', query: CREATE_PLAN, variables: () => ({ input: plan({ title: 'x'.repeat(201) }) }), message: () => 'input.title must be 1 to 200 characters, got 201', argument: 'input.title' }],
  ['a period that ends before it starts', { mutation: 'createPlan', query: CREATE_PLAN, variables: () => ({ input: plan({ periodStart: '2024-01-01', periodEnd: '2023-12-31' }) }), message: () => 'input.periodEnd (2023-12-31) must be after input.periodStart (2024-01-01)', argument: 'input.periodEnd' }],
  ['a ward as municipality', { mutation: 'createPlan', query: CREATE_PLAN, variables: () => ({ input: plan({ municipalityId: 'lakeshore-w01' }) }), message: () => 'input.municipalityId must be a MUNICIPALITY area, "lakeshore-w01" is a WARD', argument: 'input.municipalityId' }],
  ['an unknown municipality', { mutation: 'createPlan', query: CREATE_PLAN, variables: () => ({ input: plan({ municipalityId: 'atlantis' }) }), message: () => 'input.municipalityId: area "atlantis" does not exist', argument: 'input.municipalityId' }],
  ['the same title and start with another end', { mutation: 'createPlan', query: CREATE_PLAN, variables: () => ({ input: plan({ title: 'VALIDATION PLAN', periodStart: '2025-01-01', periodEnd: '2027-12-31' }) }), message: () => `input.title: plan ${ids.draft} "Validation plan" for lakeshore already starts on 2025-01-01, and ends on 2028-12-31`, argument: 'input.title' }],
  ['a malformed plan id', { mutation: 'updatePlan', query: UPDATE_PLAN, variables: () => ({ id: 'nope', input: { title: 'x' } }), message: () => 'id must be a UUID, got "nope"', argument: 'id' }],
  ['skipping adoption', { mutation: 'updatePlan', query: UPDATE_PLAN, variables: () => ({ id: ids.draft, input: { status: 'PUBLISHED' } }), message: () => 'input.status cannot go from DRAFT to PUBLISHED: a DRAFT plan can only become ADOPTED', argument: 'input.status' }],
  ['going back to DRAFT', { mutation: 'updatePlan', query: UPDATE_PLAN, variables: () => ({ id: ids.adopted, input: { status: 'DRAFT' } }), message: () => 'input.status cannot go from ADOPTED to DRAFT: an ADOPTED plan can only become PUBLISHED', argument: 'input.status' }],
  ['adopting without a council resolution date', { mutation: 'updatePlan', query: UPDATE_PLAN, variables: () => ({ id: ids.draft, input: { status: 'ADOPTED' } }), message: () => 'input.adoptedOn is required to adopt a plan: the date of the council resolution', argument: 'input.adoptedOn' }],
  ['an adoption date without adopting', { mutation: 'updatePlan', query: UPDATE_PLAN, variables: () => ({ id: ids.draft, input: { adoptedOn: '2025-01-01' } }), message: () => 'input.adoptedOn can only be given when the plan is or becomes ADOPTED; it would be DRAFT', argument: 'input.adoptedOn' }],
  ['a review date on a draft', { mutation: 'updatePlan', query: UPDATE_PLAN, variables: () => ({ id: ids.draft, input: { reviewDue: '2029-01-01' } }), message: () => 'input.reviewDue can only be set on an adopted plan', argument: 'input.reviewDue' }],
  ['a review more than four years after adoption', { mutation: 'updatePlan', query: UPDATE_PLAN, variables: () => ({ id: ids.adopted, input: { reviewDue: '2029-03-05' } }), message: () => 'input.reviewDue (2029-03-05) must be after adoptedOn (2025-03-04) and at most 4 years later (2029-03-04)', argument: 'input.reviewDue' }],
  ['a content change on an adopted plan', { mutation: 'updatePlan', query: UPDATE_PLAN, variables: () => ({ id: ids.adopted, input: { title: 'Renamed' } }), message: () => `id: plan ${ids.adopted} is ADOPTED; its adopted content (title, period, risks, strategies, outcomes, measures) changes only while it is DRAFT or UNDER_REVIEW`, argument: 'id' }],
  ['deleting an adopted plan', { mutation: 'deletePlan', query: DELETE_PLAN, variables: () => ({ id: ids.adopted }), message: () => `id: only DRAFT plans can be deleted; plan ${ids.adopted} is ADOPTED`, argument: 'id' }],
  ['a person as organisation', { mutation: 'addCommitteeMember', query: ADD_MEMBER, variables: () => ({ input: { planId: ids.draft, sector: 'HEALTH_OR_MENTAL_HEALTH', organisation: 'Dr. Jane Smith' } }), message: () => "input.organisation must not identify a person: it looks like it holds a person's title and name", argument: 'input.organisation' }],
  ['a second chair', { mutation: 'addCommitteeMember', query: ADD_MEMBER, variables: () => ({ input: { planId: ids.draft, sector: 'EDUCATION', organisation: 'Lakeshore District School Board', role: 'CHAIR' } }), message: () => 'input.role: the plan already has a chair (City of Lakeshore, MUNICIPAL_EMPLOYEE_OR_COUNCILLOR)', argument: 'input.role' }],
  ['the same member in another role', { mutation: 'addCommitteeMember', query: ADD_MEMBER, variables: () => ({ input: { planId: ids.draft, sector: 'MUNICIPAL_EMPLOYEE_OR_COUNCILLOR', organisation: 'city of lakeshore', role: 'MEMBER' } }), message: () => 'input.role: City of Lakeshore already sits for MUNICIPAL_EMPLOYEE_OR_COUNCILLOR as CHAIR; remove it first to change its role', argument: 'input.role' }],
  ['a rationale over 500 characters', { mutation: 'addPriorityRisk', query: ADD_RISK, variables: () => ({ input: risk({ rationale: 'a'.repeat(501) }) }), message: () => 'input.rationale must be 1 to 500 characters, got 501', argument: 'input.rationale' }],
  ['a rationale with an email address', { mutation: 'addPriorityRisk', query: ADD_RISK, variables: () => ({ input: risk({ rationale: 'Reported by jane@example.org' }) }), message: () => 'input.rationale must not identify a person: it looks like it holds an email address', argument: 'input.rationale' }],
  ['a rationale with a phone number', { mutation: 'addPriorityRisk', query: ADD_RISK, variables: () => ({ input: risk({ rationale: 'Call 416-555-0199 about the family' }) }), message: () => 'input.rationale must not identify a person: it looks like it holds a phone number', argument: 'input.rationale' }],
  ['a rationale with a date of birth', { mutation: 'addPriorityRisk', query: ADD_RISK, variables: () => ({ input: risk({ rationale: 'Youth born 2009-04-12 is at risk' }) }), message: () => 'input.rationale must not identify a person: it looks like it holds a date (such as a date of birth)', argument: 'input.rationale' }],
  ['a rationale with a street address', { mutation: 'addPriorityRisk', query: ADD_RISK, variables: () => ({ input: risk({ rationale: 'Repeated calls to 12 Maple Street' }) }), message: () => 'input.rationale must not identify a person: it looks like it holds a street address', argument: 'input.rationale' }],
  ['no areas', { mutation: 'addPriorityRisk', query: ADD_RISK, variables: () => ({ input: risk({ areaIds: [] }) }), message: () => 'input.areaIds must name at least one area', argument: 'input.areaIds' }],
  ['unknown areas', { mutation: 'addPriorityRisk', query: ADD_RISK, variables: () => ({ input: risk({ areaIds: ['lakeshore-w01', 'nowhere', 'atlantis'] }) }), message: () => 'input.areaIds: areas "nowhere", "atlantis" do not exist', argument: 'input.areaIds' }],
  ['rank 0', { mutation: 'addPriorityRisk', query: ADD_RISK, variables: () => ({ input: risk({ rank: 0 }) }), message: () => 'input.rank must be 1 or more, got 0', argument: 'input.rank' }],
  ['a rank already taken', { mutation: 'addPriorityRisk', query: ADD_RISK, variables: () => ({ input: risk({ rank: 1 }) }), message: () => 'input.rank 1 is taken by HOUSING in this plan', argument: 'input.rank' }],
  ['a category already prioritised differently', { mutation: 'addPriorityRisk', query: ADD_RISK, variables: () => ({ input: risk({ category: 'HOUSING' }) }), message: () => 'input.category HOUSING is already a priority risk of this plan (rank 1)', argument: 'input.category' }],
  ['a risk on a published plan', { mutation: 'addPriorityRisk', query: ADD_RISK, variables: () => ({ input: risk({ planId: ids.published }) }), message: () => `input.planId: plan ${ids.published} is PUBLISHED; its adopted content (title, period, risks, strategies, outcomes, measures) changes only while it is DRAFT or UNDER_REVIEW`, argument: 'input.planId' }],
  ['a negative budget', { mutation: 'addStrategy', query: ADD_STRATEGY, variables: () => ({ input: strategy({ budget: -5 }) }), message: () => 'input.budget must be 0 or more, got -5', argument: 'input.budget' }],
  ['a budget in fractions of a cent', { mutation: 'addStrategy', query: ADD_STRATEGY, variables: () => ({ input: strategy({ budget: 10.005 }) }), message: () => 'input.budget must be in whole cents, got 10.005', argument: 'input.budget' }],
  ['a budget over the limit', { mutation: 'addStrategy', query: ADD_STRATEGY, variables: () => ({ input: strategy({ budget: 2e9 }) }), message: () => 'input.budget must be at most 1000000000, got 2000000000', argument: 'input.budget' }],
  ['the lead among the partners', { mutation: 'addStrategy', query: ADD_STRATEGY, variables: () => ({ input: strategy({ partners: ['lakeshore food bank network'] }) }), message: () => 'input.partners must not repeat the lead partner "lakeshore food bank network"', argument: 'input.partners' }],
  ['a partner twice', { mutation: 'addStrategy', query: ADD_STRATEGY, variables: () => ({ input: strategy({ partners: ['A', 'B', 'a'] }) }), message: () => 'input.partners lists "a" twice', argument: 'input.partners' }],
  ['a malformed risk id', { mutation: 'addStrategy', query: ADD_STRATEGY, variables: () => ({ input: strategy({ priorityRiskIds: ['abc'] }) }), message: () => 'input.priorityRiskIds[0] must be a UUID, got "abc"', argument: 'input.priorityRiskIds[0]' }],
  ["another plan's risk", { mutation: 'addStrategy', query: ADD_STRATEGY, variables: () => ({ input: strategy({ priorityRiskIds: [ids.risk, ids.otherRisk] }) }), message: () => `input.priorityRiskIds: "${ids.otherRisk}" is not a priority risk of plan ${ids.draft}`, argument: 'input.priorityRiskIds' }],
  ['a title taken by another strategy', { mutation: 'addStrategy', query: ADD_STRATEGY, variables: () => ({ input: strategy({ title: 'rent bank' }) }), message: () => `input.title: the plan already has a strategy "Rent bank" (${ids.strategy}); change it with updateStrategy`, argument: 'input.title' }],
  ['a negative budget in an update', { mutation: 'updateStrategy', query: UPDATE_STRATEGY, variables: () => ({ id: ids.strategy, input: { budget: -0.01 } }), message: () => 'input.budget must be 0 or more, got -0.01', argument: 'input.budget' }],
  ["another plan's risk in an update", { mutation: 'updateStrategy', query: UPDATE_STRATEGY, variables: () => ({ id: ids.strategy, input: { priorityRiskIds: [ids.otherRisk] } }), message: () => `input.priorityRiskIds: "${ids.otherRisk}" is not a priority risk of plan ${ids.draft}`, argument: 'input.priorityRiskIds' }],
  ['an empty outcome statement', { mutation: 'addOutcome', query: ADD_OUTCOME, variables: () => ({ input: { strategyId: ids.strategy, statement: '', level: 'IMMEDIATE' } }), message: () => 'input.statement must be 1 to 500 characters, got 0', argument: 'input.statement' }],
  ['an indicator not in the catalogue', { mutation: 'addPerformanceMeasure', query: ADD_MEASURE, variables: () => ({ input: measure({ indicatorId: 'police.happiness' }) }), message: () => 'input.indicatorId: "police.happiness" is not in the indicator catalogue', argument: 'input.indicatorId' }],
  ['a negative baseline', { mutation: 'addPerformanceMeasure', query: ADD_MEASURE, variables: () => ({ input: measure({ baseline: -1 }) }), message: () => 'input.baseline must be 0 or more, got -1', argument: 'input.baseline' }],
  ['a percentage over 100', { mutation: 'addPerformanceMeasure', query: ADD_MEASURE, variables: () => ({ input: measure({ indicatorId: 'education.chronic_absenteeism', baseline: 120 }) }), message: () => 'input.baseline must be at most 100 (% of enrolled students), got 120', argument: 'input.baseline' }],
  ['a baseline period that is no period', { mutation: 'addPerformanceMeasure', query: ADD_MEASURE, variables: () => ({ input: measure({ baselinePeriod: 'last year' }) }), message: () => 'input.baselinePeriod must be a period label (2023, 2023-Q4, 2023-06) or a date (2023-06-30), got "last year"', argument: 'input.baselinePeriod' }],
  ['a baseline month of a yearly indicator', { mutation: 'addPerformanceMeasure', query: ADD_MEASURE, variables: () => ({ input: measure({ indicatorId: 'education.chronic_absenteeism', baseline: 30, target: 25, baselinePeriod: '2024-06' }) }), message: () => 'input.baselinePeriod 2024-06 is a MONTH period, finer than education.chronic_absenteeism is collected (YEAR)', argument: 'input.baselinePeriod' }],
  ['a target worse than the baseline', { mutation: 'addPerformanceMeasure', query: ADD_MEASURE, variables: () => ({ input: measure({ target: 12 }) }), message: () => 'input.target 12 is worse than input.baseline 10: police.violent_crime_rate is better when LOWER', argument: 'input.target' }],
  ['a baseline after the target date', { mutation: 'addPerformanceMeasure', query: ADD_MEASURE, variables: () => ({ input: measure({ baselinePeriod: '2029-Q1' }) }), message: () => 'input.baselinePeriod 2029-Q1 must begin before input.targetDate (2028-12-31)', argument: 'input.baselinePeriod' }],
  ['a collection finer than the indicator', { mutation: 'addPerformanceMeasure', query: ADD_MEASURE, variables: () => ({ input: measure({ indicatorId: 'education.chronic_absenteeism', baseline: 30, target: 25, collectionFrequency: 'MONTH' }) }), message: () => 'input.collectionFrequency MONTH is finer than education.chronic_absenteeism is collected (YEAR)', argument: 'input.collectionFrequency' }],
  ['an unknown area', { mutation: 'addPerformanceMeasure', query: ADD_MEASURE, variables: () => ({ input: measure({ areaId: 'nowhere' }) }), message: () => 'input.areaId: area "nowhere" does not exist', argument: 'input.areaId' }],
  ['a target date before the plan', { mutation: 'addPerformanceMeasure', query: ADD_MEASURE, variables: () => ({ input: measure({ baselinePeriod: '2019', targetDate: '2020-01-01' }) }), message: () => "input.targetDate (2020-01-01) must be on or after the plan's periodStart (2025-01-01)", argument: 'input.targetDate' }],
  ['a task due before it starts', { mutation: 'addImplementationTask', query: ADD_TASK, variables: () => ({ input: task({ start: '2025-02-01', due: '2025-01-01' }) }), message: () => 'input.due (2025-01-01) must be on or after input.start (2025-02-01)', argument: 'input.due' }],
  ["a task for another plan's strategy", { mutation: 'addImplementationTask', query: ADD_TASK, variables: () => ({ input: task({ strategyId: ids.otherStrategy }) }), message: () => `input.strategyId: "${ids.otherStrategy}" is not a strategy of plan ${ids.draft}`, argument: 'input.strategyId' }],
  ['a task done by a person', { mutation: 'addImplementationTask', query: ADD_TASK, variables: () => ({ input: task({ who: 'Mr. Brown' }) }), message: () => "input.who must not identify a person: it looks like it holds a person's title and name", argument: 'input.who' }],
];

describe('mutation inputs', () => {
  it.each(CASES)('refuse %s with a message naming the field, writing nothing', async (_name, c) => {
    const before = await planRows(planning.db);
    const response = await planner(c.query, c.variables());
    expect(response.data).toEqual({ [c.mutation]: null });
    expect(response.errors).toEqual([
      expect.objectContaining({ message: c.message(), path: [c.mutation], extensions: { code: 'BAD_USER_INPUT', argument: c.argument } }),
    ]);
    expect(await planRows(planning.db)).toEqual(before);
  });

  it('refuse unknown parents with NOT_FOUND, writing nothing', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const before = await planRows(planning.db);
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['addCommitteeMember', ADD_MEMBER, { input: { planId: missing, sector: 'OTHER', organisation: 'Org' } }, `Plan "${missing}" does not exist`],
      ['updatePlan', UPDATE_PLAN, { id: missing, input: {} }, `Plan "${missing}" does not exist`],
      ['addOutcome', ADD_OUTCOME, { input: { strategyId: missing, statement: 'x', level: 'IMMEDIATE' } }, `PlanStrategy "${missing}" does not exist`],
      ['addPerformanceMeasure', ADD_MEASURE, { input: measure({ outcomeId: missing }) }, `PlanOutcome "${missing}" does not exist`],
      ['updateTaskStatus', 'mutation ($id: ID!) { updateTaskStatus(id: $id, status: DONE) { id } }', { id: missing }, `ImplementationTask "${missing}" does not exist`],
    ];
    for (const [mutation, query, variables, message] of cases) {
      const response = await planner(query, variables);
      expect(response.data).toEqual({ [mutation]: null });
      expect(response.errors?.[0]).toMatchObject({ message, extensions: { code: 'NOT_FOUND' } });
    }
    expect(await planRows(planning.db)).toEqual(before);
  });
});

describe('one mutation, one transaction', () => {
  /** Makes every insert into `table` fail, as a broken disk or a bug in a later step would. */
  async function failInsertsInto(table: string): Promise<() => Promise<void>> {
    // As the owner: the subgraph's own role cannot make triggers.
    const owner = await planning.ownerDb();
    await owner.query(`CREATE OR REPLACE FUNCTION test_fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'simulated failure'; END $$`);
    await owner.query(`CREATE TRIGGER test_fail_insert BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION test_fail_insert()`);
    return async () => {
      await owner.query(`DROP TRIGGER test_fail_insert ON ${table}`);
      await owner.query('DROP FUNCTION test_fail_insert()');
    };
  }

  it.each([
    ['addStrategy', 'the link to its priority risks', 'plan_strategy_priority_risk', ADD_STRATEGY, () => ({ input: strategy({ title: 'Rolled back strategy' }) })],
    ['addPriorityRisk', 'its areas', 'plan_priority_risk_area', ADD_RISK, () => ({ input: risk({ category: 'GANGS' }) })],
  ])('%s writes nothing when writing %s fails', async (mutation, _what, table, query, variables) => {
    const before = await planRows(planning.db);
    const restore = await failInsertsInto(table);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const response = await planner(query, variables());
      expect(response.data).toEqual({ [mutation]: null });
      expect(response.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    } finally {
      stderr.mockRestore();
      await restore();
    }
    // The first step (the strategy or risk row, and the plan's updated_at) was rolled back too.
    expect(await planRows(planning.db)).toEqual(before);
    const retried = await planner(query, variables());
    expect(retried.errors).toBeUndefined();
  });
});
