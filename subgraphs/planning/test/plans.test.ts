import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSeed } from '@cswb/contract/config';
import { createSyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { generatePlans, subgraph } from '@cswb/subgraph-planning';
import { startTestSubgraph, TestSubgraph } from '@cswb/testing/subgraph';
import { bearer, signToken } from '@cswb/testing/tokens';
import { Client, clientFor, PLAN_FIELDS, planRows } from './support/plans';

const city = createSyntheticCity('small', readSeed({}));
const PUBLISHED_TITLE = 'Lakeshore Community Safety and Well-Being Plan 2024–2027';
const DRAFT_TITLE = 'Lakeshore Community Safety and Well-Being Plan 2028–2031';
const REQUIRED_SECTORS = [
  'HEALTH_OR_MENTAL_HEALTH',
  'EDUCATION',
  'COMMUNITY_OR_SOCIAL_SERVICES',
  'CHILD_AND_YOUTH_SERVICES',
  'CUSTODIAL_YOUTH_SERVICES',
  'MUNICIPAL_EMPLOYEE_OR_COUNCILLOR',
  'POLICE_SERVICE_BOARD_OR_OPP',
];
const FRAMEWORK = ['SOCIAL_DEVELOPMENT', 'PREVENTION', 'RISK_INTERVENTION', 'INCIDENT_RESPONSE'];
const UPSTREAM = ['SOCIAL_DEVELOPMENT', 'PREVENTION', 'RISK_INTERVENTION'];

let planning: TestSubgraph;
let planner: Client;
let readerWithoutWrite: Client;
let anonymous: Client;

beforeAll(async () => {
  planning = await startTestSubgraph(subgraph);
  const token = await signToken({ sub: 'planner-1', scope: 'aggregates:read plans:write', agency: 'lakeshore-municipality', purpose: 'planning' });
  const noWrite = await signToken({ sub: 'analyst-1', scope: 'aggregates:read', agency: 'lakeshore-municipality', purpose: 'planning' });
  planner = clientFor(planning, bearer(token));
  readerWithoutWrite = clientFor(planning, bearer(noWrite));
  anonymous = clientFor(planning, {});
});
afterAll(async () => {
  await planning?.stop();
});

/** The balance computed here from the strategies alone, independently of the subgraph's code. */
function expectedBalance(strategies: { frameworkArea: string; budget: number }[]) {
  const total = strategies.reduce((sum, s) => sum + s.budget, 0);
  const frameworkBalance = FRAMEWORK.map((area) => {
    const inArea = strategies.filter((s) => s.frameworkArea === area);
    const budget = inArea.reduce((sum, s) => sum + s.budget, 0);
    return { frameworkArea: area, strategies: inArea.length, budget, budgetShare: total === 0 ? 0 : budget / total };
  });
  const upstream = strategies.filter((s) => UPSTREAM.includes(s.frameworkArea)).reduce((sum, s) => sum + s.budget, 0);
  const upstreamBudgetShare = total === 0 ? null : upstream / total;
  return { frameworkBalance, totalBudget: total, upstreamBudgetShare, balanced: upstreamBudgetShare === null ? null : upstreamBudgetShare >= 0.75 };
}

function closeTo(expected: ReturnType<typeof expectedBalance>) {
  return {
    totalBudget: expect.closeTo(expected.totalBudget, 2),
    upstreamBudgetShare: expected.upstreamBudgetShare === null ? null : expect.closeTo(expected.upstreamBudgetShare, 10),
    balanced: expected.balanced,
    frameworkBalance: expected.frameworkBalance.map((row) => ({
      ...row,
      budget: expect.closeTo(row.budget, 2),
      budgetShare: expect.closeTo(row.budgetShare, 10),
    })),
  };
}

describe('the seeded plans', () => {
  it('publish the 2024–2027 plan with a complete committee, risks on the most deprived neighbourhoods and catalogue indicators', async () => {
    const response = await anonymous(`{ plans(status: PUBLISHED) { ${PLAN_FIELDS} } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.plans).toHaveLength(1);
    const plan = response.data.plans[0];
    expect(plan).toMatchObject({
      title: PUBLISHED_TITLE,
      municipalityId: city.municipality.id,
      municipality: { id: city.municipality.id, kind: 'MUNICIPALITY' },
      status: 'PUBLISHED',
      periodStart: '2024-01-01',
      periodEnd: '2027-12-31',
      adoptedOn: '2024-03-26',
      reviewDue: '2028-03-26',
      committeeComplete: true,
      missingCommitteeSectors: [],
    });
    expect(plan.committee.filter((m: any) => m.role === 'CHAIR')).toHaveLength(1);
    expect(REQUIRED_SECTORS.filter((sector) => !plan.committee.some((m: any) => m.sector === sector))).toEqual([]);

    // Priority risks sit on the neighbourhoods with the highest (hidden) deprivation.
    const mostDeprived = [...city.neighbourhoods].sort((a, b) => b.deprivation - a.deprivation).map((n) => n.id);
    expect(plan.priorityRisks.map((r: any) => r.category)).toEqual(['MENTAL_HEALTH', 'DRUGS', 'HOUSING', 'MISSING_SCHOOL', 'CRIMINAL_INVOLVEMENT']);
    expect(plan.priorityRisks.map((r: any) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    for (const risk of plan.priorityRisks) {
      expect(risk.areaIds.length).toBeGreaterThan(0);
      expect(mostDeprived.slice(0, risk.areaIds.length).sort()).toEqual(risk.areaIds);
      expect(risk.areas.map((a: any) => a.id)).toEqual(risk.areaIds);
      expect(risk.rationale.length).toBeLessThanOrEqual(500);
    }

    expect(plan.strategies.length).toBeGreaterThanOrEqual(6);
    expect(plan.strategies.length).toBeLessThanOrEqual(8);
    expect(new Set(plan.strategies.map((s: any) => s.frameworkArea))).toEqual(new Set(FRAMEWORK));
    expect(plan).toMatchObject(closeTo(expectedBalance(plan.strategies)));
    expect(plan.balanced).toBe(true);
    expect(plan.balanceThreshold).toBe(0.75);

    // Measures point at real catalogue indicators of several sectors, on a ward or the municipality.
    const catalogue = (await anonymous('{ indicatorCatalogue { id sector source frequency betterWhen } }')).data.indicatorCatalogue;
    const byId = new Map<string, any>(catalogue.map((i: any) => [i.id, i]));
    expect(plan.performanceMeasures.length).toBeGreaterThanOrEqual(6);
    const wardsAndCity = new Set([city.municipality.id, ...city.wards.map((w) => w.id)]);
    for (const measure of plan.performanceMeasures) {
      const indicator = byId.get(measure.indicatorId);
      expect(indicator).toBeDefined();
      expect(measure.indicator).toEqual({ id: indicator.id, sector: indicator.sector });
      expect(wardsAndCity.has(measure.areaId)).toBe(true);
      expect(measure.dataSource).toBe(indicator.source);
      expect(indicator.betterWhen === 'LOWER' ? measure.target < measure.baseline : measure.target > measure.baseline).toBe(true);
    }
    expect(new Set(plan.performanceMeasures.map((m: any) => byId.get(m.indicatorId).sector)).size).toBeGreaterThanOrEqual(4);
    const outcomes = plan.strategies.flatMap((s: any) => s.outcomes.map((o: any) => o.id));
    expect(plan.performanceMeasures.every((m: any) => outcomes.includes(m.outcomeId))).toBe(true);
    expect(plan.tasks.length).toBeGreaterThanOrEqual(6);
  });

  it('keep the 2028–2031 draft to planners, with the committee sectors still missing', async () => {
    const response = await planner('{ plans { title status committeeComplete missingCommitteeSectors } }');
    expect(response.data.plans).toEqual([
      expect.objectContaining({ title: DRAFT_TITLE, status: 'DRAFT', committeeComplete: false }),
      expect.objectContaining({ title: PUBLISHED_TITLE, status: 'PUBLISHED', committeeComplete: true, missingCommitteeSectors: [] }),
    ]);
    expect(response.data.plans[0].missingCommitteeSectors).toEqual([
      'HEALTH_OR_MENTAL_HEALTH',
      'COMMUNITY_OR_SOCIAL_SERVICES',
      'CHILD_AND_YOUTH_SERVICES',
      'CUSTODIAL_YOUTH_SERVICES',
    ]);
  });
});

describe('the seeded draft, submitted again', () => {
  it('returns the existing rows and writes nothing (what makes the access matrix probes harmless)', async () => {
    const seeded = generatePlans(city);
    const draft = seeded.plans.find((p) => p.status === 'DRAFT')!;
    const inDraft = <T extends { planId: string }>(rows: T[]) => rows.filter((row) => row.planId === draft.id);
    const [risk] = inDraft(seeded.risks);
    const [strategy] = inDraft(seeded.strategies);
    const [outcome] = inDraft(seeded.outcomes);
    const [measure] = inDraft(seeded.measures);
    const [task] = inDraft(seeded.tasks);
    const member = inDraft(seeded.members)[1];
    const before = await planRows(planning.db);
    const calls: [string, string, Record<string, unknown>, string | boolean][] = [
      ['createPlan', 'mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }', { input: { municipalityId: draft.municipalityId, title: draft.title, periodStart: draft.periodStart, periodEnd: draft.periodEnd } }, draft.id],
      ['updatePlan', 'mutation ($id: ID!) { updatePlan(id: $id, input: {}) { id } }', { id: draft.id }, draft.id],
      ['deletePlan', 'mutation { deletePlan(id: "00000000-0000-4000-8000-000000000000") }', {}, false],
      ['addCommitteeMember', 'mutation ($input: AddCommitteeMemberInput!) { addCommitteeMember(input: $input) { id } }', { input: { planId: draft.id, sector: member.sector, organisation: member.organisation } }, member.id],
      ['removeCommitteeMember', 'mutation ($p: ID!) { removeCommitteeMember(planId: $p, memberId: "00000000-0000-4000-8000-000000000000") { id } }', { p: draft.id }, draft.id],
      ['addPriorityRisk', 'mutation ($input: AddPriorityRiskInput!) { addPriorityRisk(input: $input) { id } }', { input: { planId: draft.id, category: risk.category, rationale: risk.rationale, areaIds: risk.areaIds } }, risk.id],
      ['addStrategy', 'mutation ($input: AddStrategyInput!) { addStrategy(input: $input) { id } }', { input: { planId: draft.id, title: strategy.title, frameworkArea: strategy.frameworkArea, leadPartner: strategy.leadPartner, partners: strategy.partners, budget: strategy.budget, priorityRiskIds: strategy.riskIds } }, strategy.id],
      ['updateStrategy', 'mutation ($id: ID!) { updateStrategy(id: $id, input: {}) { id } }', { id: strategy.id }, strategy.id],
      ['addOutcome', 'mutation ($input: AddOutcomeInput!) { addOutcome(input: $input) { id } }', { input: { strategyId: strategy.id, statement: outcome.statement, level: outcome.level } }, outcome.id],
      ['addPerformanceMeasure', 'mutation ($input: AddPerformanceMeasureInput!) { addPerformanceMeasure(input: $input) { id } }', { input: { outcomeId: outcome.id, indicatorId: measure.indicatorId, areaId: measure.areaId, baseline: measure.baseline, baselinePeriod: measure.baselinePeriod, target: measure.target, targetDate: measure.targetDate, collectionFrequency: measure.collectionFrequency, responsiblePartner: measure.responsiblePartner } }, measure.id],
      ['addImplementationTask', 'mutation ($input: AddImplementationTaskInput!) { addImplementationTask(input: $input) { id } }', { input: { planId: draft.id, who: task.who, what: task.what, start: task.start, due: task.due, reportingLine: task.reportingLine } }, task.id],
      ['updateTaskStatus', 'mutation ($id: ID!) { updateTaskStatus(id: $id, status: NOT_STARTED) { id } }', { id: task.id }, task.id],
    ];
    for (const [mutation, query, variables, expected] of calls) {
      const response = await planner(query, variables);
      expect({ mutation, errors: response.errors }).toEqual({ mutation, errors: undefined });
      expect({ mutation, result: response.data[mutation]?.id ?? response.data[mutation] }).toEqual({ mutation, result: expected });
    }
    expect(await planRows(planning.db)).toEqual(before);
  });
});

describe('documented plan queries (docs/queries/plan-*.graphql)', () => {
  const dir = path.join(__dirname, '..', '..', '..', 'docs', 'queries');
  const files = fs.readdirSync(dir).filter((f) => f.startsWith('plan-') && f.endsWith('.graphql'));

  it.each(files)('%s runs anonymously against the subgraph, without errors', async (file) => {
    const response = await anonymous(fs.readFileSync(path.join(dir, file), 'utf8'));
    expect(response.errors).toBeUndefined();
    expect(response.data.plans).toHaveLength(1);
  });
});

describe('a planner builds a plan through the mutations', () => {
  let planId: string;
  const ward = city.wards[1].id;
  const neighbourhoods = city.neighbourhoods.slice(0, 3).map((n) => n.id);

  it('creates it, fills every part of it and reads it all back', async () => {
    const before = await planRows(planning.db);
    const created = await planner(
      'mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id status title createdBy municipalityId adoptedOn reviewDue } }',
      { input: { municipalityId: city.municipality.id, title: '  Youth Safety   Plan 2025–2028 ', periodStart: '2025-01-01', periodEnd: '2028-12-31' } },
    );
    expect(created.errors).toBeUndefined();
    planId = created.data.createPlan.id;
    expect(created.data.createPlan).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 'DRAFT',
      title: 'Youth Safety Plan 2025–2028',
      createdBy: 'planner-1',
      municipalityId: city.municipality.id,
      adoptedOn: null,
      reviewDue: null,
    });

    const members = [
      ['MUNICIPAL_EMPLOYEE_OR_COUNCILLOR', 'City of Lakeshore, Youth Office', 'CHAIR'],
      ['HEALTH_OR_MENTAL_HEALTH', 'Lakeshore Public Health', 'MEMBER'],
      ['EDUCATION', 'Lakeshore District School Board', 'MEMBER'],
      ['COMMUNITY_OR_SOCIAL_SERVICES', 'Lakeshore Community Services Network', 'MEMBER'],
      ['CHILD_AND_YOUTH_SERVICES', 'Lakeshore Youth Services Bureau', 'MEMBER'],
      ['CUSTODIAL_YOUTH_SERVICES', 'Lakeshore Youth Justice and Custody Services', 'MEMBER'],
    ];
    const ADD_MEMBER = 'mutation ($input: AddCommitteeMemberInput!) { addCommitteeMember(input: $input) { id sector organisation role planId } }';
    const memberIds: string[] = [];
    for (const [sector, organisation, role] of members) {
      const added = await planner(ADD_MEMBER, { input: { planId, sector, organisation, role } });
      expect(added.errors).toBeUndefined();
      expect(added.data.addCommitteeMember).toMatchObject({ sector, organisation, role, planId });
      memberIds.push(added.data.addCommitteeMember.id);
    }
    const incomplete = await planner('query ($id: ID!) { plan(id: $id) { committeeComplete missingCommitteeSectors } }', { id: planId });
    expect(incomplete.data.plan).toEqual({ committeeComplete: false, missingCommitteeSectors: ['POLICE_SERVICE_BOARD_OR_OPP'] });
    const police = await planner(ADD_MEMBER, { input: { planId, sector: 'POLICE_SERVICE_BOARD_OR_OPP', organisation: 'Lakeshore Police Service Board' } });
    expect(police.data.addCommitteeMember.role).toBe('MEMBER');

    const ADD_RISK = 'mutation ($input: AddPriorityRiskInput!) { addPriorityRisk(input: $input) { id category rank rationale areaIds } }';
    const drugs = await planner(ADD_RISK, {
      input: { planId, category: 'DRUGS', rationale: 'Youth substance use is rising in these neighbourhoods.', areaIds: [neighbourhoods[1], neighbourhoods[0], neighbourhoods[0]] },
    });
    expect(drugs.errors).toBeUndefined();
    expect(drugs.data.addPriorityRisk).toMatchObject({ category: 'DRUGS', rank: 1, areaIds: [neighbourhoods[0], neighbourhoods[1]].sort() });
    const school = await planner(ADD_RISK, {
      input: { planId, category: 'MISSING_SCHOOL', rationale: 'Chronic absenteeism is high in the ward.', areaIds: [ward], rank: 3 },
    });
    expect(school.data.addPriorityRisk).toMatchObject({ rank: 3, areaIds: [ward] });
    const riskIds = { drugs: drugs.data.addPriorityRisk.id, school: school.data.addPriorityRisk.id };

    const ADD_STRATEGY =
      'mutation ($input: AddStrategyInput!) { addStrategy(input: $input) { id title frameworkArea leadPartner partners budget priorityRiskIds } }';
    const strategies = [
      { title: 'After-school programs', frameworkArea: 'SOCIAL_DEVELOPMENT', leadPartner: 'City of Lakeshore, Recreation', partners: ['Lakeshore District School Board'], budget: 300000, priorityRiskIds: [riskIds.school] },
      { title: 'Youth outreach workers', frameworkArea: 'PREVENTION', leadPartner: 'Lakeshore Youth Services Bureau', partners: [], budget: 200000.25, priorityRiskIds: [riskIds.drugs, riskIds.school] },
      { title: 'Youth Situation Table referrals', frameworkArea: 'RISK_INTERVENTION', leadPartner: 'Lakeshore Police Service', partners: ['Lakeshore Public Health', 'Lakeshore Youth Services Bureau'], budget: 100000.5, priorityRiskIds: [riskIds.drugs] },
      { title: 'School resource response', frameworkArea: 'INCIDENT_RESPONSE', leadPartner: 'Lakeshore Police Service', partners: [], budget: 150000, priorityRiskIds: [] },
    ];
    const strategyIds: string[] = [];
    for (const strategy of strategies) {
      const added = await planner(ADD_STRATEGY, { input: { ...strategy, planId } });
      expect(added.errors).toBeUndefined();
      const { priorityRiskIds, ...rest } = strategy;
      expect(added.data.addStrategy).toMatchObject(rest);
      expect([...added.data.addStrategy.priorityRiskIds].sort()).toEqual([...priorityRiskIds].sort());
      strategyIds.push(added.data.addStrategy.id);
    }

    const outcome = await planner('mutation ($input: AddOutcomeInput!) { addOutcome(input: $input) { id level statement strategyId } }', {
      input: { strategyId: strategyIds[0], statement: 'Fewer students miss school in the ward', level: 'INTERMEDIATE' },
    });
    expect(outcome.errors).toBeUndefined();
    const outcomeId = outcome.data.addOutcome.id;

    const measure = await planner(
      `mutation ($input: AddPerformanceMeasureInput!) { addPerformanceMeasure(input: $input) {
         id outcomeId indicatorId areaId baseline baselinePeriod target targetDate dataSource collectionFrequency responsiblePartner planId } }`,
      {
        input: {
          outcomeId,
          indicatorId: 'education.chronic_absenteeism',
          areaId: ward,
          baseline: 28.4,
          baselinePeriod: '2024',
          target: 22,
          targetDate: '2028-06-30',
          responsiblePartner: 'Lakeshore District School Board',
        },
      },
    );
    expect(measure.errors).toBeUndefined();
    expect(measure.data.addPerformanceMeasure).toMatchObject({
      outcomeId,
      planId,
      indicatorId: 'education.chronic_absenteeism',
      areaId: ward,
      baseline: 28.4,
      target: 22,
      dataSource: 'Lakeshore school boards: school-year enrolment, attendance, discipline and graduation reporting to the Ontario Ministry of Education',
      collectionFrequency: 'YEAR',
    });

    const task = await planner('mutation ($input: AddImplementationTaskInput!) { addImplementationTask(input: $input) { id status strategyId } }', {
      input: {
        planId,
        who: 'Lakeshore District School Board',
        what: 'Set up attendance teams in two secondary schools',
        start: '2025-02-01',
        due: '2025-09-30',
        reportingLine: 'Youth Safety Plan steering group',
        strategyId: strategyIds[0],
      },
    });
    expect(task.data.addImplementationTask).toMatchObject({ status: 'NOT_STARTED', strategyId: strategyIds[0] });
    const started = await planner('mutation ($id: ID!) { updateTaskStatus(id: $id, status: IN_PROGRESS) { id status } }', { id: task.data.addImplementationTask.id });
    expect(started.data.updateTaskStatus).toEqual({ id: task.data.addImplementationTask.id, status: 'IN_PROGRESS' });

    const read = await planner(`query ($id: ID!) { plan(id: $id) { ${PLAN_FIELDS} } }`, { id: planId });
    expect(read.errors).toBeUndefined();
    const plan = read.data.plan;
    expect(plan).toMatchObject({ id: planId, status: 'DRAFT', committeeComplete: true, missingCommitteeSectors: [] });
    expect(plan.committee.map((m: any) => m.role)).toEqual(['CHAIR', 'MEMBER', 'MEMBER', 'MEMBER', 'MEMBER', 'MEMBER', 'MEMBER']);
    expect(plan.priorityRisks.map((r: any) => [r.category, r.rank])).toEqual([['DRUGS', 1], ['MISSING_SCHOOL', 3]]);
    expect(plan.strategies.map((s: any) => s.title)).toEqual(strategies.map((s) => s.title));
    expect(plan.strategies[1].priorityRisks.map((r: any) => r.category)).toEqual(['DRUGS', 'MISSING_SCHOOL']);
    expect(plan.strategies[0].outcomes).toEqual([
      { id: outcomeId, statement: 'Fewer students miss school in the ward', level: 'INTERMEDIATE', strategy: { id: strategyIds[0] }, measures: [{ id: measure.data.addPerformanceMeasure.id }] },
    ]);
    expect(plan.strategies[0].tasks).toEqual([{ id: task.data.addImplementationTask.id }]);
    expect(plan.performanceMeasures).toHaveLength(1);
    expect(plan.tasks).toEqual([
      expect.objectContaining({ status: 'IN_PROGRESS', start: '2025-02-01', due: '2025-09-30', strategy: { id: strategyIds[0] } }),
    ]);
    expect(plan).toMatchObject(closeTo(expectedBalance(strategies)));

    const after = await planRows(planning.db);
    expect(after).toMatchObject({
      plan: (before.plan as number) + 1,
      plan_committee_member: (before.plan_committee_member as number) + 7,
      plan_priority_risk: (before.plan_priority_risk as number) + 2,
      plan_priority_risk_area: (before.plan_priority_risk_area as number) + 3,
      plan_strategy: (before.plan_strategy as number) + 4,
      plan_strategy_priority_risk: (before.plan_strategy_priority_risk as number) + 4,
      plan_outcome: (before.plan_outcome as number) + 1,
      plan_performance_measure: (before.plan_performance_measure as number) + 1,
      plan_implementation_task: (before.plan_implementation_task as number) + 1,
    });

    // Retries are harmless: the same input returns the same rows and writes nothing.
    const rows = await planRows(planning.db);
    const again = await planner('mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }', {
      input: { municipalityId: city.municipality.id, title: 'youth safety plan 2025–2028', periodStart: '2025-01-01', periodEnd: '2028-12-31' },
    });
    expect(again.data.createPlan.id).toBe(planId);
    const memberAgain = await planner(ADD_MEMBER, { input: { planId, sector: 'EDUCATION', organisation: ' lakeshore district  school board', role: 'MEMBER' } });
    expect(memberAgain.data.addCommitteeMember.id).toBe(memberIds[2]);
    const strategyAgain = await planner(ADD_STRATEGY, { input: { ...strategies[1], planId } });
    expect(strategyAgain.data.addStrategy.id).toBe(strategyIds[1]);
    const riskAgain = await planner(ADD_RISK, {
      input: { planId, category: 'MISSING_SCHOOL', rationale: 'Chronic absenteeism is high in the ward.', areaIds: [ward] },
    });
    expect(riskAgain.data.addPriorityRisk.id).toBe(riskIds.school);
    expect(await planRows(planning.db)).toEqual(rows);

    // Removing a member, then removing it again, leaves the plan without it.
    const REMOVE = 'mutation ($planId: ID!, $memberId: ID!) { removeCommitteeMember(planId: $planId, memberId: $memberId) { committeeComplete missingCommitteeSectors } }';
    const removed = await planner(REMOVE, { planId, memberId: memberIds[5] });
    expect(removed.data.removeCommitteeMember).toEqual({ committeeComplete: false, missingCommitteeSectors: ['CUSTODIAL_YOUTH_SERVICES'] });
    const removedAgain = await planner(REMOVE, { planId, memberId: memberIds[5] });
    expect(removedAgain.data.removeCommitteeMember.missingCommitteeSectors).toEqual(['CUSTODIAL_YOUTH_SERVICES']);
  });

  it('recomputes the framework balance when a strategy changes', async () => {
    const read = await planner('query ($id: ID!) { plan(id: $id) { strategies { id title frameworkArea budget } } }', { id: planId });
    const strategies = read.data.plan.strategies;
    const incident = strategies.find((s: any) => s.frameworkArea === 'INCIDENT_RESPONSE');
    const updated = await planner('mutation ($id: ID!, $input: UpdateStrategyInput!) { updateStrategy(id: $id, input: $input) { id budget frameworkArea partners } }', {
      id: incident.id,
      input: { budget: 400000, partners: ['Lakeshore Paramedic Services'] },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateStrategy).toEqual({ id: incident.id, budget: 400000, frameworkArea: 'INCIDENT_RESPONSE', partners: ['Lakeshore Paramedic Services'] });
    const changed = strategies.map((s: any) => (s.id === incident.id ? { ...s, budget: 400000 } : s));
    const balance = await planner('query ($id: ID!) { plan(id: $id) { frameworkBalance { frameworkArea strategies budget budgetShare } totalBudget upstreamBudgetShare balanced } }', {
      id: planId,
    });
    const expected = expectedBalance(changed);
    expect(balance.data.plan).toMatchObject(closeTo(expected));
    // 600,000.75 upstream of 1,000,000.75: 0.6 < 0.75, not balanced.
    expect(balance.data.plan.balanced).toBe(false);
    expect(balance.data.plan.upstreamBudgetShare).toBeCloseTo(600000.75 / 1000000.75, 10);
  });

  it('moves the plan through its life cycle: DRAFT → ADOPTED → PUBLISHED → UNDER_REVIEW → ADOPTED', async () => {
    const UPDATE = 'mutation ($id: ID!, $input: UpdatePlanInput!) { updatePlan(id: $id, input: $input) { status adoptedOn reviewDue } }';
    const adopted = await planner(UPDATE, { id: planId, input: { status: 'ADOPTED', adoptedOn: '2025-02-28' } });
    expect(adopted.errors).toBeUndefined();
    expect(adopted.data.updatePlan).toEqual({ status: 'ADOPTED', adoptedOn: '2025-02-28', reviewDue: '2029-02-28' });
    const sooner = await planner(UPDATE, { id: planId, input: { reviewDue: '2028-02-28' } });
    expect(sooner.data.updatePlan).toEqual({ status: 'ADOPTED', adoptedOn: '2025-02-28', reviewDue: '2028-02-28' });

    expect((await anonymous('query ($id: ID!) { plan(id: $id) { id } }', { id: planId })).data.plan).toBeNull();
    const published = await planner(UPDATE, { id: planId, input: { status: 'PUBLISHED' } });
    expect(published.data.updatePlan.status).toBe('PUBLISHED');
    expect((await anonymous('query ($id: ID!) { plan(id: $id) { id status } }', { id: planId })).data.plan).toEqual({ id: planId, status: 'PUBLISHED' });
    const unchanged = await planner(UPDATE, { id: planId, input: { status: 'PUBLISHED' } });
    expect(unchanged.data.updatePlan).toEqual({ status: 'PUBLISHED', adoptedOn: '2025-02-28', reviewDue: '2028-02-28' });

    const review = await planner(UPDATE, { id: planId, input: { status: 'UNDER_REVIEW' } });
    expect(review.data.updatePlan.status).toBe('UNDER_REVIEW');
    expect((await anonymous('query ($id: ID!) { plan(id: $id) { id } }', { id: planId })).data.plan).toBeNull();
    // Under review, the content may change again.
    const renamed = await planner('mutation ($id: ID!) { updatePlan(id: $id, input: { title: "Youth Safety Plan 2025–2028 (revised)" }) { title } }', { id: planId });
    expect(renamed.data.updatePlan.title).toBe('Youth Safety Plan 2025–2028 (revised)');

    const readopted = await planner(UPDATE, { id: planId, input: { status: 'ADOPTED', adoptedOn: '2027-11-09' } });
    expect(readopted.data.updatePlan).toEqual({ status: 'ADOPTED', adoptedOn: '2027-11-09', reviewDue: '2031-11-09' });
  });
});

describe('who reads which plans', () => {
  const PLAN_BY_ID = 'query ($id: ID!) { plan(id: $id) { id title } }';
  let draftId: string;

  beforeAll(async () => {
    draftId = (await planner('{ plans(status: DRAFT) { id title } }')).data.plans.find((p: any) => p.title === DRAFT_TITLE).id;
  });

  it.each([
    ['anonymous', () => anonymous],
    ['a caller without plans:write', () => readerWithoutWrite],
  ])('%s reads published plans only', async (_who, client) => {
    const all = await client()('{ plans { title status } }');
    expect(all.data.plans.every((p: any) => p.status === 'PUBLISHED')).toBe(true);
    expect(all.data.plans.map((p: any) => p.title)).toContain(PUBLISHED_TITLE);
    expect((await client()('{ plans(status: DRAFT) { id } }')).data.plans).toEqual([]);
    const draft = await client()(PLAN_BY_ID, { id: draftId });
    expect(draft.data).toEqual({ plan: null });
    expect(draft.errors?.[0]).toMatchObject({ message: `Plan "${draftId}" does not exist`, extensions: { code: 'NOT_FOUND' } });
    const reference = await client()('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Plan { id } } }', {
      r: [{ __typename: 'Plan', id: draftId }],
    });
    expect(reference.data._entities).toEqual([null]);
    expect(reference.errors?.[0]).toMatchObject({ path: ['_entities', 0], extensions: { code: 'NOT_FOUND' } });
  });

  it('a planner reads drafts, and who created a plan, which others may not read', async () => {
    expect((await planner(PLAN_BY_ID, { id: draftId })).data.plan).toEqual({ id: draftId, title: DRAFT_TITLE });
    expect((await planner('{ plans(status: PUBLISHED) { createdBy } }')).data.plans).toEqual([{ createdBy: 'seed' }]);
    const denied = await anonymous('{ plans(status: PUBLISHED) { title createdBy } }');
    expect(denied.data.plans).toEqual([{ title: PUBLISHED_TITLE, createdBy: null }]);
    expect(denied.errors?.[0]).toMatchObject({ path: ['plans', 0, 'createdBy'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } });
  });

  it('answers an unknown or malformed plan id with null and NOT_FOUND', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await planner(PLAN_BY_ID, { id });
      expect(response.data).toEqual({ plan: null });
      expect(response.errors?.[0]).toMatchObject({ message: `Plan "${id}" does not exist`, extensions: { code: 'NOT_FOUND' } });
    }
  });

  const MUTATIONS: [string, (draft: string) => [string, Record<string, unknown>]][] = [
    ['createPlan', () => ['mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }', { input: { municipalityId: 'lakeshore', title: 'Denied plan', periodStart: '2030-01-01', periodEnd: '2033-12-31' } }]],
    ['updatePlan', (draft) => ['mutation ($id: ID!) { updatePlan(id: $id, input: { title: "Denied" }) { id } }', { id: draft }]],
    ['deletePlan', (draft) => ['mutation ($id: ID!) { deletePlan(id: $id) }', { id: draft }]],
    ['addCommitteeMember', (draft) => ['mutation ($p: ID!) { addCommitteeMember(input: { planId: $p, sector: OTHER, organisation: "Denied Org" }) { id } }', { p: draft }]],
    ['addPriorityRisk', (draft) => ['mutation ($p: ID!) { addPriorityRisk(input: { planId: $p, category: POVERTY, rationale: "x", areaIds: ["lakeshore"] }) { id } }', { p: draft }]],
    ['addStrategy', (draft) => ['mutation ($p: ID!) { addStrategy(input: { planId: $p, title: "Denied", frameworkArea: PREVENTION, leadPartner: "Org", budget: 1 }) { id } }', { p: draft }]],
  ];

  it.each(MUTATIONS)('denies %s to anonymous callers and to callers without plans:write, writing nothing', async (name, build) => {
    const [query, variables] = build(draftId);
    const before = await planRows(planning.db);
    for (const client of [anonymous, readerWithoutWrite]) {
      const response = await client(query, variables);
      expect(response.data).toEqual({ [name]: null });
      expect(response.errors).toEqual([expect.objectContaining({ path: [name], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } })]);
    }
    expect(await planRows(planning.db)).toEqual(before);
  });
});

describe('deleting a plan', () => {
  it('deletes a DRAFT plan with everything in it, and reports false for a plan that is not there', async () => {
    const before = await planRows(planning.db);
    const created = await planner('mutation { createPlan(input: { municipalityId: "lakeshore", title: "Short-lived", periodStart: "2026-01-01", periodEnd: "2026-12-31" }) { id } }');
    const id = created.data.createPlan.id;
    await planner('mutation ($p: ID!) { addCommitteeMember(input: { planId: $p, sector: EDUCATION, organisation: "A school board" }) { id } }', { p: id });
    await planner('mutation ($p: ID!) { addStrategy(input: { planId: $p, title: "S", frameworkArea: PREVENTION, leadPartner: "Org", budget: 5 }) { id } }', { p: id });
    const deleted = await planner('mutation ($id: ID!) { deletePlan(id: $id) }', { id });
    expect(deleted).toMatchObject({ data: { deletePlan: true } });
    const { last_plan_change: _ignored, ...counts } = await planRows(planning.db);
    const { last_plan_change: _before, ...countsBefore } = before;
    expect(counts).toEqual(countsBefore);
    expect((await planner('mutation ($id: ID!) { deletePlan(id: $id) }', { id })).data.deletePlan).toBe(false);
  });
});

describe('SQL statements', () => {
  const EVERYTHING = `{ plans { ${PLAN_FIELDS} } }`;

  it('stay constant however many plans a request reads', async () => {
    planning.counter.reset();
    const first = await planner(EVERYTHING);
    expect(first.errors).toBeUndefined();
    const statements = planning.counter.count;
    const plansBefore = first.data.plans.length;

    for (let n = 0; n < 3; n++) {
      const created = await planner(
        'mutation ($t: String!) { createPlan(input: { municipalityId: "lakeshore", title: $t, periodStart: "2032-01-01", periodEnd: "2035-12-31" }) { id } }',
        { t: `Loader plan ${n}` },
      );
      const planId = created.data.createPlan.id;
      const risk = await planner('mutation ($p: ID!) { addPriorityRisk(input: { planId: $p, category: POVERTY, rationale: "Poverty", areaIds: ["lakeshore-w01", "lakeshore-w02"] }) { id } }', { p: planId });
      const strategy = await planner(
        'mutation ($p: ID!, $r: ID!) { addStrategy(input: { planId: $p, title: "Income support", frameworkArea: SOCIAL_DEVELOPMENT, leadPartner: "City of Lakeshore", budget: 10, priorityRiskIds: [$r] }) { id } }',
        { p: planId, r: risk.data.addPriorityRisk.id },
      );
      await planner('mutation ($s: ID!) { addOutcome(input: { strategyId: $s, statement: "Fewer families rely on food banks", level: LONG_TERM }) { id } }', {
        s: strategy.data.addStrategy.id,
      });
      await planner('mutation ($p: ID!) { addCommitteeMember(input: { planId: $p, sector: OTHER, organisation: "Lakeshore Food Bank Network" }) { id } }', { p: planId });
    }

    planning.counter.reset();
    const second = await planner(EVERYTHING);
    expect(second.errors).toBeUndefined();
    expect(second.data.plans.length).toBe(plansBefore + 3);
    // A loader reached at two depths of the query may run as one batch or two, depending on how
    // the resolvers' promises interleave; any per-plan statement would add 3 or more here.
    expect(Math.abs(planning.counter.count - statements)).toBeLessThanOrEqual(1);
    // One statement per loader and depth of the query: plans; committee, risks, strategies, measures,
    // tasks and the municipality; risk areas and strategy risks; then areas, outcomes, tasks and
    // strategies again where the query reaches them at another depth. None grows with the plans.
    expect(statements).toBeLessThanOrEqual(18);
  });
});
