import type { DataSource } from 'typeorm';
import { graphql, GraphQLResponse } from '@cswb/testing/graphql';
import type { SubgraphTarget } from '@cswb/testing/trust';

/** Every table a plan writes, in the order rows depend on each other. */
export const PLAN_TABLES = [
  'plan',
  'plan_committee_member',
  'plan_priority_risk',
  'plan_priority_risk_area',
  'plan_strategy',
  'plan_strategy_priority_risk',
  'plan_outcome',
  'plan_performance_measure',
  'plan_implementation_task',
] as const;

/** Rows in every plan table, read straight from the database, and the latest change of any plan. */
export async function planRows(db: DataSource): Promise<Record<string, unknown>> {
  const [row] = await db.query(
    `SELECT ${PLAN_TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')},
            (SELECT max(updated_at)::text FROM plan) AS last_plan_change`,
  );
  return row;
}

/** Everything a plan holds, as the planner workflow reads it back. */
export const PLAN_FIELDS = `
  id municipalityId municipality { id kind } title periodStart periodEnd status adoptedOn reviewDue
  committee { id sector organisation role }
  committeeComplete missingCommitteeSectors
  priorityRisks { id category rationale rank areaIds areas { id } }
  strategies {
    id title frameworkArea leadPartner partners budget priorityRiskIds priorityRisks { category }
    outcomes { id statement level strategy { id } measures { id } }
    tasks { id }
  }
  performanceMeasures {
    id outcomeId indicatorId areaId baseline baselinePeriod target targetDate dataSource collectionFrequency responsiblePartner
    indicator { id sector } area { id } outcome { id }
  }
  tasks { id who what start due status reportingLine strategyId strategy { id } }
  frameworkBalance { frameworkArea strategies budget budgetShare }
  totalBudget upstreamBudgetShare balanced balanceThreshold
`;

export interface Client {
  (query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<any>>;
}

export function clientFor(url: string | SubgraphTarget, headers: Record<string, string>): Client {
  return (query, variables) => graphql(url, query, variables, headers);
}
