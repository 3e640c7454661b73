import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { PriorityRisk } from '../entities/PriorityRisk';
import { Strategy } from '../entities/Strategy';
import { StrategyPriorityRisk } from '../entities/StrategyPriorityRisk';
import { StrategyRecord } from './planRecords';
import { updateColumns } from './updateColumns';

const FRAMEWORK_ORDER = `ARRAY['SOCIAL_DEVELOPMENT', 'PREVENTION', 'RISK_INTERVENTION', 'INCIDENT_RESPONSE']`;

export function findStrategy(manager: EntityManager, id: string): Promise<Strategy | null> {
  return manager.getRepository(Strategy).findOneBy({ id });
}

export function getStrategy(manager: EntityManager, id: string): Promise<Strategy> {
  return manager.getRepository(Strategy).findOneByOrFail({ id });
}

/** The plan's strategy with this title (case aside), other than `exceptId`, if any. */
export function findStrategyByTitle(manager: EntityManager, planId: string, title: string, exceptId?: string): Promise<Strategy | null> {
  const query = manager.getRepository(Strategy).createQueryBuilder('s').where('s.plan_id = :planId AND lower(s.title) = lower(:title)', { planId, title });
  if (exceptId) query.andWhere('s.id <> :exceptId', { exceptId });
  return query.getOne();
}

export async function isStrategyOfPlan(manager: EntityManager, strategyId: string, planId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query('SELECT 1 FROM plan_strategy WHERE id = $1 AND plan_id = $2', [strategyId, planId]);
  return rows.length > 0;
}

export async function strategyPriorityRiskIds(manager: EntityManager, strategyId: string): Promise<string[]> {
  const rows: { priority_risk_id: string }[] = await manager.query(
    'SELECT priority_risk_id FROM plan_strategy_priority_risk WHERE strategy_id = $1',
    [strategyId],
  );
  return rows.map((row) => row.priority_risk_id);
}

async function linkPriorityRisks(manager: EntityManager, planId: string, strategyId: string, riskIds: readonly string[]): Promise<void> {
  if (riskIds.length === 0) return;
  await manager.query(
    'INSERT INTO plan_strategy_priority_risk (strategy_id, priority_risk_id, plan_id) SELECT $1, unnest($2::uuid[]), $3',
    [strategyId, riskIds, planId],
  );
}

export async function insertStrategy(
  manager: EntityManager,
  strategy: Omit<StrategyRecord, 'id'>,
): Promise<Strategy> {
  const id = randomUUID();
  await manager.query(
    `INSERT INTO plan_strategy (id, plan_id, title, framework_area, lead_partner, partners, budget)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, strategy.planId, strategy.title, strategy.frameworkArea, strategy.leadPartner, strategy.partners, strategy.budget],
  );
  await linkPriorityRisks(manager, strategy.planId, id, strategy.riskIds);
  return getStrategy(manager, id);
}

/** Replaces the priority risks the strategy addresses. */
export async function replaceStrategyPriorityRisks(manager: EntityManager, planId: string, strategyId: string, riskIds: readonly string[]): Promise<void> {
  await manager.query('DELETE FROM plan_strategy_priority_risk WHERE strategy_id = $1', [strategyId]);
  await linkPriorityRisks(manager, planId, strategyId, riskIds);
}

export type StrategyColumn = 'title' | 'framework_area' | 'lead_partner' | 'partners' | 'budget';

export async function updateStrategy(manager: EntityManager, id: string, changes: Partial<Record<StrategyColumn, unknown>>): Promise<void> {
  await updateColumns(manager, 'plan_strategy', id, changes);
}

/** The strategies of the plans, by framework area then title. */
export function strategiesOfPlans(manager: EntityManager, planIds: readonly string[]): Promise<Strategy[]> {
  return manager
    .getRepository(Strategy)
    .createQueryBuilder('s')
    .where('s.plan_id = ANY(:ids)', { ids: planIds })
    .orderBy(`array_position(${FRAMEWORK_ORDER}, s.framework_area)`)
    .addOrderBy('lower(s.title)')
    .getMany();
}

export function strategiesByIds(manager: EntityManager, ids: readonly string[]): Promise<Strategy[]> {
  return manager.getRepository(Strategy).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids }).getMany();
}

/** Which priority risks the strategies address, by the risks' rank. */
export function priorityRiskLinksOfStrategies(manager: EntityManager, strategyIds: readonly string[]): Promise<StrategyPriorityRisk[]> {
  return manager
    .getRepository(StrategyPriorityRisk)
    .createQueryBuilder('l')
    .innerJoin(PriorityRisk, 'r', 'r.id = l.priority_risk_id')
    .where('l.strategy_id = ANY(:ids)', { ids: strategyIds })
    .orderBy('r.rank')
    .getMany();
}
