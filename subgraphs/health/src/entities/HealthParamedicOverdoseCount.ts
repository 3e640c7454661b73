import { Column, Entity, PrimaryColumn } from 'typeorm';
import { HealthAgeGroup } from './HealthAgeGroup';
import { HealthSex } from './HealthSex';

/** One cell of the monthly paramedic-attended suspected opioid overdose table; read through the rollup only. */
@Entity('health_paramedic_overdose_count')
export class HealthParamedicOverdoseCount {
  @PrimaryColumn({ type: 'text', name: 'area_id' })
  areaId: string;

  @PrimaryColumn({ type: 'date', name: 'month' })
  month: string;

  @PrimaryColumn({ type: 'text', name: 'age_group' })
  ageGroup: HealthAgeGroup;

  @PrimaryColumn({ type: 'text', name: 'sex' })
  sex: HealthSex;

  @Column({ type: 'int', name: 'calls' })
  calls: number;
}
