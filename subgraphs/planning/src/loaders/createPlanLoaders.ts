import { createManyLoader, createOneLoader } from '@cswb/subgraph-kit/loaders';
import type { DataSource } from 'typeorm';
import { CommitteeMember } from '../entities/CommitteeMember';
import { ImplementationTask } from '../entities/ImplementationTask';
import { Outcome } from '../entities/Outcome';
import { PerformanceMeasure } from '../entities/PerformanceMeasure';
import { Plan } from '../entities/Plan';
import { PriorityRisk } from '../entities/PriorityRisk';
import { PriorityRiskArea } from '../entities/PriorityRiskArea';
import { Strategy } from '../entities/Strategy';
import { StrategyPriorityRisk } from '../entities/StrategyPriorityRisk';
import { committeesOfPlans } from '../store/committeeStore';
import { tasksOf } from '../store/implementationTaskStore';
import { outcomesByIds, outcomesOfStrategies } from '../store/outcomeStore';
import { measuresOfOutcomes, measuresOfPlans } from '../store/performanceMeasureStore';
import { plansByIds } from '../store/planStore';
import { areasOfPriorityRisks, priorityRisksByIds, priorityRisksOfPlans } from '../store/priorityRiskStore';
import { priorityRiskLinksOfStrategies, strategiesByIds, strategiesOfPlans } from '../store/strategyStore';

/**
 * Per-request loaders of plans and everything in them: one SQL statement per kind of row,
 * whatever the number of plans asked for. Visibility (published only, unless plans:write) is
 * decided by the resolvers on the plan before any of its content is loaded.
 */
export function createPlanLoaders(db: DataSource) {
  const manager = db.manager;
  return {
    planById: createOneLoader<string, Plan>({
      fetch: (ids) => plansByIds(manager, ids),
      keyOfRow: (plan) => plan.id,
    }),
    committeeByPlan: createManyLoader<string, CommitteeMember>({
      fetch: (ids) => committeesOfPlans(manager, ids),
      keyOfRow: (member) => member.planId,
    }),
    risksByPlan: createManyLoader<string, PriorityRisk>({
      fetch: (ids) => priorityRisksOfPlans(manager, ids),
      keyOfRow: (risk) => risk.planId,
    }),
    riskById: createOneLoader<string, PriorityRisk>({
      fetch: (ids) => priorityRisksByIds(manager, ids),
      keyOfRow: (risk) => risk.id,
    }),
    areaIdsByRisk: createManyLoader<string, PriorityRiskArea>({
      fetch: (ids) => areasOfPriorityRisks(manager, ids),
      keyOfRow: (row) => row.priorityRiskId,
    }),
    strategiesByPlan: createManyLoader<string, Strategy>({
      fetch: (ids) => strategiesOfPlans(manager, ids),
      keyOfRow: (strategy) => strategy.planId,
    }),
    strategyById: createOneLoader<string, Strategy>({
      fetch: (ids) => strategiesByIds(manager, ids),
      keyOfRow: (strategy) => strategy.id,
    }),
    riskLinksByStrategy: createManyLoader<string, StrategyPriorityRisk>({
      fetch: (ids) => priorityRiskLinksOfStrategies(manager, ids),
      keyOfRow: (link) => link.strategyId,
    }),
    outcomesByStrategy: createManyLoader<string, Outcome>({
      fetch: (ids) => outcomesOfStrategies(manager, ids),
      keyOfRow: (outcome) => outcome.strategyId,
    }),
    outcomeById: createOneLoader<string, Outcome>({
      fetch: (ids) => outcomesByIds(manager, ids),
      keyOfRow: (outcome) => outcome.id,
    }),
    measuresByOutcome: createManyLoader<string, PerformanceMeasure>({
      fetch: (ids) => measuresOfOutcomes(manager, ids),
      keyOfRow: (measure) => measure.outcomeId,
    }),
    measuresByPlan: createManyLoader<string, PerformanceMeasure>({
      fetch: (ids) => measuresOfPlans(manager, ids),
      keyOfRow: (measure) => measure.planId,
    }),
    tasksByPlan: createManyLoader<string, ImplementationTask>({
      fetch: (ids) => tasksOf(manager, 'plan_id', ids),
      keyOfRow: (task) => task.planId,
    }),
    tasksByStrategy: createManyLoader<string, ImplementationTask>({
      fetch: (ids) => tasksOf(manager, 'strategy_id', ids),
      keyOfRow: (task) => task.strategyId as string,
    }),
  };
}

export type PlanLoaders = ReturnType<typeof createPlanLoaders>;

/** After a write: nothing cached earlier in the request may be served again. */
export function forgetPlanLoaders(loaders: PlanLoaders): void {
  for (const loader of Object.values(loaders)) loader.clearAll();
}
