import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { PerformanceMeasure } from '../entities/PerformanceMeasure';
import { PerformanceMeasureRecord } from './planRecords';

export function findPerformanceMeasure(manager: EntityManager, where: { outcomeId: string; indicatorId: string; areaId: string }): Promise<PerformanceMeasure | null> {
  return manager.getRepository(PerformanceMeasure).findOneBy(where);
}

export async function insertPerformanceMeasure(
  manager: EntityManager,
  measure: Omit<PerformanceMeasureRecord, 'id'>,
): Promise<PerformanceMeasure> {
  const id = randomUUID();
  const m = measure;
  await manager.query(
    `INSERT INTO plan_performance_measure (id, plan_id, outcome_id, indicator_id, area_id, baseline, baseline_period, target, target_date,
       data_source, collection_frequency, responsible_partner)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [id, m.planId, m.outcomeId, m.indicatorId, m.areaId, m.baseline, m.baselinePeriod, m.target, m.targetDate, m.dataSource, m.collectionFrequency, m.responsiblePartner],
  );
  return manager.getRepository(PerformanceMeasure).findOneByOrFail({ id });
}

/** The measures of the outcomes, by indicator then area. */
export function measuresOfOutcomes(manager: EntityManager, outcomeIds: readonly string[]): Promise<PerformanceMeasure[]> {
  return manager
    .getRepository(PerformanceMeasure)
    .createQueryBuilder('m')
    .where('m.outcome_id = ANY(:ids)', { ids: outcomeIds })
    .orderBy('m.indicator_id')
    .addOrderBy('m.area_id')
    .getMany();
}

/** The measures of the plans, by indicator then area. */
export function measuresOfPlans(manager: EntityManager, planIds: readonly string[]): Promise<PerformanceMeasure[]> {
  return manager
    .getRepository(PerformanceMeasure)
    .createQueryBuilder('m')
    .where('m.plan_id = ANY(:ids)', { ids: planIds })
    .orderBy('m.indicator_id')
    .addOrderBy('m.area_id')
    .addOrderBy('m.id')
    .getMany();
}

export function measuresByIds(manager: EntityManager, ids: readonly string[]): Promise<PerformanceMeasure[]> {
  return manager.getRepository(PerformanceMeasure).createQueryBuilder('m').where('m.id = ANY(:ids)', { ids }).getMany();
}
