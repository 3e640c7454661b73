import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Children's aid society protection investigations completed in a neighbourhood in a month. */
@Entity('social_services_child_welfare_month')
export class ChildWelfareMonth {
  @PrimaryColumn({ type: 'text', name: 'area_id' })
  areaId: string;

  @PrimaryColumn({ type: 'date', name: 'month' })
  month: string;

  @Column({ type: 'int', name: 'investigations' })
  investigations: number;

  /** Investigations whose protection concerns were verified. */
  @Column({ type: 'int', name: 'substantiated' })
  substantiated: number;
}
