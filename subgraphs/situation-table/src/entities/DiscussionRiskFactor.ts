import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A risk factor recorded in a discussion that met the AER threshold (rejected ones record none). */
@Entity('situation_table_discussion_risk_factor')
export class DiscussionRiskFactor {
  @PrimaryColumn({ type: 'text', name: 'discussion_id' })
  discussionId: string;

  @PrimaryColumn({ type: 'text', name: 'factor_code' })
  factorCode: string;

  /** Always true: the foreign key (discussion_id, aer_met) makes a rejected discussion's factors impossible. */
  @Column({ type: 'boolean', name: 'aer_met' })
  aerMet: boolean;
}
