import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A priority risk a strategy addresses; both belong to the same plan (composite foreign keys). */
@Entity('plan_strategy_priority_risk')
export class StrategyPriorityRisk {
  @PrimaryColumn({ type: 'uuid', name: 'strategy_id' })
  strategyId: string;

  @PrimaryColumn({ type: 'uuid', name: 'priority_risk_id' })
  priorityRiskId: string;

  @Column({ type: 'uuid', name: 'plan_id' })
  planId: string;
}
