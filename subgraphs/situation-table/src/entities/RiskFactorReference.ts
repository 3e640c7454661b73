import { RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The shared risk-factor taxonomy as a reference table, so that factor codes are foreign keys. */
@Entity('situation_table_risk_factor')
export class RiskFactorReference {
  @PrimaryColumn({ type: 'text', name: 'code' })
  code: string;

  @Column({ type: 'text', name: 'category' })
  category: RiskFactorCategory;
}
