import { bulkInsert } from '@cswb/subgraph-kit/db';
import type { EntityManager } from 'typeorm';
import {
  CommitteeMemberRecord,
  ImplementationTaskRecord,
  OutcomeRecord,
  PerformanceMeasureRecord,
  PlanRecord,
  PlanRecords,
  PriorityRiskRecord,
  StrategyRecord,
} from './planRecords';

/** Writes plans and everything in them with one statement per table; returns the rows written per table. */
export async function writePlanRecords(manager: EntityManager, records: PlanRecords): Promise<Record<string, number>> {
  const { plans, members, risks, strategies, outcomes, measures, tasks } = records;
  const riskAreas = risks.flatMap((r) => r.areaIds.map((areaId) => ({ riskId: r.id, areaId })));
  const strategyRisks = strategies.flatMap((s) => s.riskIds.map((riskId) => ({ strategyId: s.id, riskId, planId: s.planId })));
  const rows: Record<string, number> = {};
  rows.plan = await bulkInsert(manager, 'plan', [
    { name: 'id', type: 'uuid[]', value: (p: PlanRecord) => p.id },
    { name: 'municipality_id', type: 'text[]', value: (p) => p.municipalityId },
    { name: 'title', type: 'text[]', value: (p) => p.title },
    { name: 'period_start', type: 'date[]', value: (p) => p.periodStart },
    { name: 'period_end', type: 'date[]', value: (p) => p.periodEnd },
    { name: 'status', type: 'text[]', value: (p) => p.status },
    { name: 'adopted_on', type: 'date[]', value: (p) => p.adoptedOn },
    { name: 'review_due', type: 'date[]', value: (p) => p.reviewDue },
    { name: 'created_by', type: 'text[]', value: (p) => p.createdBy },
  ], plans);
  rows.plan_committee_member = await bulkInsert(manager, 'plan_committee_member', [
    { name: 'id', type: 'uuid[]', value: (m: CommitteeMemberRecord) => m.id },
    { name: 'plan_id', type: 'uuid[]', value: (m) => m.planId },
    { name: 'sector', type: 'text[]', value: (m) => m.sector },
    { name: 'organisation', type: 'text[]', value: (m) => m.organisation },
    { name: 'committee_role', type: 'text[]', value: (m) => m.role },
  ], members);
  rows.plan_priority_risk = await bulkInsert(manager, 'plan_priority_risk', [
    { name: 'id', type: 'uuid[]', value: (r: PriorityRiskRecord) => r.id },
    { name: 'plan_id', type: 'uuid[]', value: (r) => r.planId },
    { name: 'category', type: 'text[]', value: (r) => r.category },
    { name: 'rationale', type: 'text[]', value: (r) => r.rationale },
    { name: 'rank', type: 'int[]', value: (r) => r.rank },
  ], risks);
  rows.plan_priority_risk_area = await bulkInsert(manager, 'plan_priority_risk_area', [
    { name: 'priority_risk_id', type: 'uuid[]', value: (a: { riskId: string; areaId: string }) => a.riskId },
    { name: 'area_id', type: 'text[]', value: (a) => a.areaId },
  ], riskAreas);
  // Partner lists are arrays per row, which unnest cannot ship: the strategies go as JSON.
  await manager.query(
    `INSERT INTO plan_strategy (id, plan_id, title, framework_area, lead_partner, partners, budget)
     SELECT s.id, s.plan_id, s.title, s.framework_area, s.lead_partner, ARRAY(SELECT jsonb_array_elements_text(s.partners)), s.budget
       FROM jsonb_to_recordset($1::jsonb)
         AS s(id uuid, plan_id uuid, title text, framework_area text, lead_partner text, partners jsonb, budget numeric)`,
    [
      JSON.stringify(
        strategies.map((st: StrategyRecord) => ({
          id: st.id,
          plan_id: st.planId,
          title: st.title,
          framework_area: st.frameworkArea,
          lead_partner: st.leadPartner,
          partners: st.partners,
          budget: st.budget,
        })),
      ),
    ],
  );
  rows.plan_strategy = strategies.length;
  rows.plan_strategy_priority_risk = await bulkInsert(manager, 'plan_strategy_priority_risk', [
    { name: 'strategy_id', type: 'uuid[]', value: (l: { strategyId: string; riskId: string; planId: string }) => l.strategyId },
    { name: 'priority_risk_id', type: 'uuid[]', value: (l) => l.riskId },
    { name: 'plan_id', type: 'uuid[]', value: (l) => l.planId },
  ], strategyRisks);
  rows.plan_outcome = await bulkInsert(manager, 'plan_outcome', [
    { name: 'id', type: 'uuid[]', value: (o: OutcomeRecord) => o.id },
    { name: 'plan_id', type: 'uuid[]', value: (o) => o.planId },
    { name: 'strategy_id', type: 'uuid[]', value: (o) => o.strategyId },
    { name: 'statement', type: 'text[]', value: (o) => o.statement },
    { name: 'level', type: 'text[]', value: (o) => o.level },
  ], outcomes);
  rows.plan_performance_measure = await bulkInsert(manager, 'plan_performance_measure', [
    { name: 'id', type: 'uuid[]', value: (m: PerformanceMeasureRecord) => m.id },
    { name: 'plan_id', type: 'uuid[]', value: (m) => m.planId },
    { name: 'outcome_id', type: 'uuid[]', value: (m) => m.outcomeId },
    { name: 'indicator_id', type: 'text[]', value: (m) => m.indicatorId },
    { name: 'area_id', type: 'text[]', value: (m) => m.areaId },
    { name: 'baseline', type: 'float8[]', value: (m) => m.baseline },
    { name: 'baseline_period', type: 'text[]', value: (m) => m.baselinePeriod },
    { name: 'target', type: 'float8[]', value: (m) => m.target },
    { name: 'target_date', type: 'date[]', value: (m) => m.targetDate },
    { name: 'data_source', type: 'text[]', value: (m) => m.dataSource },
    { name: 'collection_frequency', type: 'text[]', value: (m) => m.collectionFrequency },
    { name: 'responsible_partner', type: 'text[]', value: (m) => m.responsiblePartner },
  ], measures);
  rows.plan_implementation_task = await bulkInsert(manager, 'plan_implementation_task', [
    { name: 'id', type: 'uuid[]', value: (t: ImplementationTaskRecord) => t.id },
    { name: 'plan_id', type: 'uuid[]', value: (t) => t.planId },
    { name: 'strategy_id', type: 'uuid[]', value: (t) => t.strategyId },
    { name: 'who', type: 'text[]', value: (t) => t.who },
    { name: 'what', type: 'text[]', value: (t) => t.what },
    { name: 'start_on', type: 'date[]', value: (t) => t.start },
    { name: 'due_on', type: 'date[]', value: (t) => t.due },
    { name: 'status', type: 'text[]', value: (t) => t.status },
    { name: 'reporting_line', type: 'text[]', value: (t) => t.reportingLine },
  ], tasks);
  return rows;
}
