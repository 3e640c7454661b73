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
import { isUuid } from '../plans/validation';

const SECTOR_ORDER = `ARRAY['HEALTH_OR_MENTAL_HEALTH', 'EDUCATION', 'COMMUNITY_OR_SOCIAL_SERVICES', 'CHILD_AND_YOUTH_SERVICES',
  'CUSTODIAL_YOUTH_SERVICES', 'MUNICIPAL_EMPLOYEE_OR_COUNCILLOR', 'POLICE_SERVICE_BOARD_OR_OPP', 'OTHER']`;
const FRAMEWORK_ORDER = `ARRAY['SOCIAL_DEVELOPMENT', 'PREVENTION', 'RISK_INTERVENTION', 'INCIDENT_RESPONSE']`;
const LEVEL_ORDER = `ARRAY['IMMEDIATE', 'INTERMEDIATE', 'LONG_TERM']`;

/**
 * Per-request loaders of plans and everything in them: one SQL statement per kind of row,
 * whatever the number of plans asked for. Visibility (published only, unless plans:write) is
 * decided by the resolvers on the plan before any of its content is loaded.
 */
export function createPlanLoaders(db: DataSource) {
  const uuids = (keys: readonly string[]) => keys.filter(isUuid);
  return {
    planById: createOneLoader<string, Plan>({
      fetch: (ids) => db.getRepository(Plan).createQueryBuilder('p').where('p.id = ANY(:ids)', { ids: uuids(ids) }).getMany(),
      keyOfRow: (plan) => plan.id,
    }),
    committeeByPlan: createManyLoader<string, CommitteeMember>({
      fetch: (ids) =>
        db
          .getRepository(CommitteeMember)
          .createQueryBuilder('m')
          .where('m.plan_id = ANY(:ids)', { ids })
          .orderBy(`CASE m.committee_role WHEN 'CHAIR' THEN 0 ELSE 1 END`)
          .addOrderBy(`array_position(${SECTOR_ORDER}, m.sector)`)
          .addOrderBy('lower(m.organisation)')
          .getMany(),
      keyOfRow: (member) => member.planId,
    }),
    risksByPlan: createManyLoader<string, PriorityRisk>({
      fetch: (ids) =>
        db.getRepository(PriorityRisk).createQueryBuilder('r').where('r.plan_id = ANY(:ids)', { ids }).orderBy('r.rank').getMany(),
      keyOfRow: (risk) => risk.planId,
    }),
    riskById: createOneLoader<string, PriorityRisk>({
      fetch: (ids) => db.getRepository(PriorityRisk).createQueryBuilder('r').where('r.id = ANY(:ids)', { ids }).getMany(),
      keyOfRow: (risk) => risk.id,
    }),
    areaIdsByRisk: createManyLoader<string, PriorityRiskArea>({
      fetch: (ids) =>
        db
          .getRepository(PriorityRiskArea)
          .createQueryBuilder('a')
          .where('a.priority_risk_id = ANY(:ids)', { ids })
          .orderBy('a.area_id')
          .getMany(),
      keyOfRow: (row) => row.priorityRiskId,
    }),
    strategiesByPlan: createManyLoader<string, Strategy>({
      fetch: (ids) =>
        db
          .getRepository(Strategy)
          .createQueryBuilder('s')
          .where('s.plan_id = ANY(:ids)', { ids })
          .orderBy(`array_position(${FRAMEWORK_ORDER}, s.framework_area)`)
          .addOrderBy('lower(s.title)')
          .getMany(),
      keyOfRow: (strategy) => strategy.planId,
    }),
    strategyById: createOneLoader<string, Strategy>({
      fetch: (ids) => db.getRepository(Strategy).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids }).getMany(),
      keyOfRow: (strategy) => strategy.id,
    }),
    riskLinksByStrategy: createManyLoader<string, StrategyPriorityRisk>({
      fetch: (ids) =>
        db
          .getRepository(StrategyPriorityRisk)
          .createQueryBuilder('l')
          .innerJoin(PriorityRisk, 'r', 'r.id = l.priority_risk_id')
          .where('l.strategy_id = ANY(:ids)', { ids })
          .orderBy('r.rank')
          .getMany(),
      keyOfRow: (link) => link.strategyId,
    }),
    outcomesByStrategy: createManyLoader<string, Outcome>({
      fetch: (ids) =>
        db
          .getRepository(Outcome)
          .createQueryBuilder('o')
          .where('o.strategy_id = ANY(:ids)', { ids })
          .orderBy(`array_position(${LEVEL_ORDER}, o.level)`)
          .addOrderBy('lower(o.statement)')
          .getMany(),
      keyOfRow: (outcome) => outcome.strategyId,
    }),
    outcomeById: createOneLoader<string, Outcome>({
      fetch: (ids) => db.getRepository(Outcome).createQueryBuilder('o').where('o.id = ANY(:ids)', { ids }).getMany(),
      keyOfRow: (outcome) => outcome.id,
    }),
    measuresByOutcome: createManyLoader<string, PerformanceMeasure>({
      fetch: (ids) =>
        db
          .getRepository(PerformanceMeasure)
          .createQueryBuilder('m')
          .where('m.outcome_id = ANY(:ids)', { ids })
          .orderBy('m.indicator_id')
          .addOrderBy('m.area_id')
          .getMany(),
      keyOfRow: (measure) => measure.outcomeId,
    }),
    measuresByPlan: createManyLoader<string, PerformanceMeasure>({
      fetch: (ids) =>
        db
          .getRepository(PerformanceMeasure)
          .createQueryBuilder('m')
          .where('m.plan_id = ANY(:ids)', { ids })
          .orderBy('m.indicator_id')
          .addOrderBy('m.area_id')
          .addOrderBy('m.id')
          .getMany(),
      keyOfRow: (measure) => measure.planId,
    }),
    tasksByPlan: createManyLoader<string, ImplementationTask>({
      fetch: (ids) =>
        db
          .getRepository(ImplementationTask)
          .createQueryBuilder('t')
          .where('t.plan_id = ANY(:ids)', { ids })
          .orderBy('t.start_on')
          .addOrderBy('t.due_on')
          .addOrderBy('lower(t.what)')
          .getMany(),
      keyOfRow: (task) => task.planId,
    }),
    tasksByStrategy: createManyLoader<string, ImplementationTask>({
      fetch: (ids) =>
        db
          .getRepository(ImplementationTask)
          .createQueryBuilder('t')
          .where('t.strategy_id = ANY(:ids)', { ids })
          .orderBy('t.start_on')
          .addOrderBy('t.due_on')
          .addOrderBy('lower(t.what)')
          .getMany(),
      keyOfRow: (task) => task.strategyId as string,
    }),
  };
}

export type PlanLoaders = ReturnType<typeof createPlanLoaders>;

/** After a write: nothing cached earlier in the request may be served again. */
export function forgetPlanLoaders(loaders: PlanLoaders): void {
  for (const loader of Object.values(loaders)) loader.clearAll();
}
