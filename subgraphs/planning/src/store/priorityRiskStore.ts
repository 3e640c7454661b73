import { randomUUID } from 'node:crypto';
import { RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
import type { EntityManager } from 'typeorm';
import { PriorityRisk } from '../entities/PriorityRisk';
import { PriorityRiskArea } from '../entities/PriorityRiskArea';
import { PriorityRiskRecord } from './planRecords';

export function findPriorityRisk(manager: EntityManager, where: { planId: string; category: RiskFactorCategory } | { planId: string; rank: number }): Promise<PriorityRisk | null> {
  return manager.getRepository(PriorityRisk).findOneBy(where);
}

export async function priorityRiskAreaIds(manager: EntityManager, riskId: string): Promise<string[]> {
  const rows: { area_id: string }[] = await manager.query('SELECT area_id FROM plan_priority_risk_area WHERE priority_risk_id = $1', [riskId]);
  return rows.map((row) => row.area_id);
}

/** The rank after the plan's last priority risk. */
export async function nextPriorityRiskRank(manager: EntityManager, planId: string): Promise<number> {
  const [{ next }] = await manager.query('SELECT coalesce(max(rank), 0) + 1 AS next FROM plan_priority_risk WHERE plan_id = $1', [planId]);
  return next as number;
}

/** Those of the ids that are priority risks of the plan. */
export async function planPriorityRiskIds(manager: EntityManager, planId: string, ids: readonly string[]): Promise<string[]> {
  const rows: { id: string }[] = await manager.query('SELECT id FROM plan_priority_risk WHERE plan_id = $1 AND id = ANY($2)', [planId, ids]);
  return rows.map((row) => row.id);
}

export async function insertPriorityRisk(
  manager: EntityManager,
  risk: Omit<PriorityRiskRecord, 'id'>,
): Promise<PriorityRisk> {
  const id = randomUUID();
  await manager.query('INSERT INTO plan_priority_risk (id, plan_id, category, rationale, rank) VALUES ($1, $2, $3, $4, $5)', [
    id,
    risk.planId,
    risk.category,
    risk.rationale,
    risk.rank,
  ]);
  await manager.query('INSERT INTO plan_priority_risk_area (priority_risk_id, area_id) SELECT $1, unnest($2::text[])', [id, risk.areaIds]);
  return manager.getRepository(PriorityRisk).findOneByOrFail({ id });
}

/** The priority risks of the plans, by rank. */
export function priorityRisksOfPlans(manager: EntityManager, planIds: readonly string[]): Promise<PriorityRisk[]> {
  return manager.getRepository(PriorityRisk).createQueryBuilder('r').where('r.plan_id = ANY(:ids)', { ids: planIds }).orderBy('r.rank').getMany();
}

export function priorityRisksByIds(manager: EntityManager, ids: readonly string[]): Promise<PriorityRisk[]> {
  return manager.getRepository(PriorityRisk).createQueryBuilder('r').where('r.id = ANY(:ids)', { ids }).getMany();
}

/** The areas of the priority risks, by area id. */
export function areasOfPriorityRisks(manager: EntityManager, riskIds: readonly string[]): Promise<PriorityRiskArea[]> {
  return manager
    .getRepository(PriorityRiskArea)
    .createQueryBuilder('a')
    .where('a.priority_risk_id = ANY(:ids)', { ids: riskIds })
    .orderBy('a.area_id')
    .getMany();
}
