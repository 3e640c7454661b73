import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@cswb/contract/errors';
import type { EntityManager } from 'typeorm';
import { Plan } from '../entities/Plan';
import { PlanStatus } from '../entities/PlanStatus';
import { isUuid } from '../plans/validation';
import { updateColumns } from './updateColumns';

/** Plans, of one status when given: newest period first, then by title. */
export function listPlans(manager: EntityManager, status?: PlanStatus | null): Promise<Plan[]> {
  const query = manager.getRepository(Plan).createQueryBuilder('p').orderBy('p.period_start', 'DESC').addOrderBy('p.title').addOrderBy('p.id');
  if (status) query.where('p.status = :status', { status });
  return query.getMany();
}

export function findPlan(manager: EntityManager, id: string): Promise<Plan> {
  return manager.getRepository(Plan).findOneByOrFail({ id });
}

/** The plan, locked for the rest of the transaction so that concurrent edits of it queue up. */
export async function lockPlan(manager: EntityManager, id: string): Promise<Plan> {
  const plan = isUuid(id)
    ? await manager.getRepository(Plan).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne()
    : null;
  if (!plan) throw new NotFoundError('Plan', id);
  return plan;
}

/** Records that something in the plan changed. */
export async function touchPlan(manager: EntityManager, planId: string): Promise<void> {
  await manager.query('UPDATE plan SET updated_at = now() WHERE id = $1', [planId]);
}

/** The plan with this natural key (municipality, title without case, start), if any. */
export function findSamePlan(manager: EntityManager, municipalityId: string, title: string, periodStart: string): Promise<Plan | null> {
  return manager
    .getRepository(Plan)
    .createQueryBuilder('p')
    .where('p.municipality_id = :municipalityId AND lower(p.title) = lower(:title) AND p.period_start = :periodStart', {
      municipalityId,
      title,
      periodStart,
    })
    .getOne();
}

/** A new DRAFT plan; null when a plan with the same natural key exists, which is left as it is. */
export async function insertPlanUnlessExists(
  manager: EntityManager,
  plan: { municipalityId: string; title: string; periodStart: string; periodEnd: string; createdBy: string | null },
): Promise<Plan | null> {
  const id = randomUUID();
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO plan (id, municipality_id, title, period_start, period_end, status, created_by)
     VALUES ($1, $2, $3, $4, $5, 'DRAFT', $6)
     ON CONFLICT (municipality_id, lower(title), period_start) DO NOTHING
     RETURNING id`,
    [id, plan.municipalityId, plan.title, plan.periodStart, plan.periodEnd, plan.createdBy],
  );
  return inserted.length > 0 ? findPlan(manager, id) : null;
}

export type PlanColumn = 'title' | 'period_start' | 'period_end' | 'status' | 'adopted_on' | 'review_due';

export async function updatePlan(manager: EntityManager, id: string, changes: Partial<Record<PlanColumn, string>>): Promise<Plan> {
  await updateColumns(manager, 'plan', id, changes);
  return findPlan(manager, id);
}

/** The plan's status, its row locked for the rest of the transaction; undefined when there is no such plan. */
export async function lockPlanStatus(manager: EntityManager, id: string): Promise<PlanStatus | undefined> {
  const [plan]: { status: PlanStatus }[] = await manager.query('SELECT status FROM plan WHERE id = $1 FOR UPDATE', [id]);
  return plan?.status;
}

/** Deletes the plan and, by cascade, everything in it. */
export async function deletePlan(manager: EntityManager, id: string): Promise<void> {
  await manager.query('DELETE FROM plan WHERE id = $1', [id]);
}

/** The plans with these ids; ids that are not UUIDs name no plan. */
export function plansByIds(manager: EntityManager, ids: readonly string[]): Promise<Plan[]> {
  return manager.getRepository(Plan).createQueryBuilder('p').where('p.id = ANY(:ids)', { ids: ids.filter(isUuid) }).getMany();
}
