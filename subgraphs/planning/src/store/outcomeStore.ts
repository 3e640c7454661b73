import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Outcome } from '../entities/Outcome';
import { OutcomeLevel } from '../entities/OutcomeLevel';
import { OutcomeRecord } from './planRecords';

const LEVEL_ORDER = `ARRAY['IMMEDIATE', 'INTERMEDIATE', 'LONG_TERM']`;

export function findOutcome(manager: EntityManager, id: string): Promise<Outcome | null> {
  return manager.getRepository(Outcome).findOneBy({ id });
}

/** The strategy's outcome with this statement (case aside) at this level, if any. */
export function findSameOutcome(manager: EntityManager, strategyId: string, level: OutcomeLevel, statement: string): Promise<Outcome | null> {
  return manager
    .getRepository(Outcome)
    .createQueryBuilder('o')
    .where('o.strategy_id = :strategyId AND o.level = :level AND lower(o.statement) = lower(:statement)', { strategyId, level, statement })
    .getOne();
}

export async function insertOutcome(
  manager: EntityManager,
  outcome: Omit<OutcomeRecord, 'id'>,
): Promise<Outcome> {
  const id = randomUUID();
  await manager.query('INSERT INTO plan_outcome (id, plan_id, strategy_id, statement, level) VALUES ($1, $2, $3, $4, $5)', [
    id,
    outcome.planId,
    outcome.strategyId,
    outcome.statement,
    outcome.level,
  ]);
  return manager.getRepository(Outcome).findOneByOrFail({ id });
}

/** The outcomes of the strategies, by level then statement. */
export function outcomesOfStrategies(manager: EntityManager, strategyIds: readonly string[]): Promise<Outcome[]> {
  return manager
    .getRepository(Outcome)
    .createQueryBuilder('o')
    .where('o.strategy_id = ANY(:ids)', { ids: strategyIds })
    .orderBy(`array_position(${LEVEL_ORDER}, o.level)`)
    .addOrderBy('lower(o.statement)')
    .getMany();
}

export function outcomesByIds(manager: EntityManager, ids: readonly string[]): Promise<Outcome[]> {
  return manager.getRepository(Outcome).createQueryBuilder('o').where('o.id = ANY(:ids)', { ids }).getMany();
}
