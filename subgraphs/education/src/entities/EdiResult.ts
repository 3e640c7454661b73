import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Early Development Instrument results of one neighbourhood's kindergarten children for one
 * cycle. Only the aggregate is kept: EDI questionnaires are about individual children.
 */
@Entity('education_edi_result')
export class EdiResult {
  @PrimaryColumn({ type: 'text', name: 'area_id' })
  areaId: string;

  @PrimaryColumn({ type: 'int', name: 'cycle_year' })
  cycleYear: number;

  @Column({ type: 'int', name: 'children_assessed' })
  childrenAssessed: number;

  @Column({ type: 'int', name: 'vulnerable_one_or_more' })
  vulnerableOneOrMore: number;
}
