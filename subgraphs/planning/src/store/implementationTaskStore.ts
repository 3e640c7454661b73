import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ImplementationTask } from '../entities/ImplementationTask';
import { ImplementationTaskStatus } from '../entities/ImplementationTaskStatus';
import { ImplementationTaskRecord } from './planRecords';
import { updateColumns } from './updateColumns';

export type TaskFields = Omit<ImplementationTaskRecord, 'id'>;

export function findImplementationTask(manager: EntityManager, id: string): Promise<ImplementationTask | null> {
  return manager.getRepository(ImplementationTask).findOneBy({ id });
}

export function getImplementationTask(manager: EntityManager, id: string): Promise<ImplementationTask> {
  return manager.getRepository(ImplementationTask).findOneByOrFail({ id });
}

/** The plan's task with every field equal, if any. */
export function findSameImplementationTask(manager: EntityManager, task: TaskFields): Promise<ImplementationTask | null> {
  return manager
    .getRepository(ImplementationTask)
    .createQueryBuilder('t')
    .where(
      `t.plan_id = :planId AND t.who = :who AND t.what = :what AND t.start_on = :start AND t.due_on = :due AND t.status = :status
       AND t.reporting_line = :reportingLine AND t.strategy_id IS NOT DISTINCT FROM CAST(:strategyId AS uuid)`,
      { ...task },
    )
    .getOne();
}

export async function insertImplementationTask(manager: EntityManager, task: TaskFields): Promise<ImplementationTask> {
  const id = randomUUID();
  await manager.query(
    `INSERT INTO plan_implementation_task (id, plan_id, strategy_id, who, what, start_on, due_on, status, reporting_line)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, task.planId, task.strategyId, task.who, task.what, task.start, task.due, task.status, task.reportingLine],
  );
  return getImplementationTask(manager, id);
}

export async function updateImplementationTaskStatus(manager: EntityManager, id: string, status: ImplementationTaskStatus): Promise<ImplementationTask> {
  await updateColumns(manager, 'plan_implementation_task', id, { status });
  return getImplementationTask(manager, id);
}

/** The tasks of the plans (or, with `strategy_id`, of the strategies), by start, due date and what. */
export function tasksOf(manager: EntityManager, column: 'plan_id' | 'strategy_id', ids: readonly string[]): Promise<ImplementationTask[]> {
  return manager
    .getRepository(ImplementationTask)
    .createQueryBuilder('t')
    .where(`t.${column} = ANY(:ids)`, { ids })
    .orderBy('t.start_on')
    .addOrderBy('t.due_on')
    .addOrderBy('lower(t.what)')
    .getMany();
}
