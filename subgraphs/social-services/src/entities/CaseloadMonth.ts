import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IncomeSupportProgram } from './IncomeSupportProgram';

/** Social assistance caseload of a neighbourhood at a month's end (a stock, not a flow). */
@Entity('social_services_caseload_month')
export class CaseloadMonth {
  @PrimaryColumn({ type: 'text', name: 'area_id' })
  areaId: string;

  @PrimaryColumn({ type: 'date', name: 'month' })
  month: string;

  @PrimaryColumn({ type: 'text', name: 'program' })
  program: IncomeSupportProgram;

  /** Benefit units (a single person or a family) receiving assistance. */
  @Column({ type: 'int', name: 'cases' })
  cases: number;

  /** Everyone in those benefit units: applicants, spouses and dependants. */
  @Column({ type: 'int', name: 'beneficiaries' })
  beneficiaries: number;
}
