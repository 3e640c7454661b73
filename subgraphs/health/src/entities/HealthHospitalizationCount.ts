import { Column, Entity, PrimaryColumn } from 'typeorm';
import { HealthAgeGroup } from './HealthAgeGroup';
import { HealthSex } from './HealthSex';
import { HealthVisitReason } from './HealthVisitReason';

/** One cell of the monthly hospital admission table; read through the rollup only. */
@Entity('health_hospitalization_count')
export class HealthHospitalizationCount {
  @PrimaryColumn({ type: 'text', name: 'area_id' })
  areaId: string;

  @PrimaryColumn({ type: 'date', name: 'month' })
  month: string;

  @PrimaryColumn({ type: 'text', name: 'reason' })
  reason: HealthVisitReason;

  @PrimaryColumn({ type: 'text', name: 'age_group' })
  ageGroup: HealthAgeGroup;

  @PrimaryColumn({ type: 'text', name: 'sex' })
  sex: HealthSex;

  @Column({ type: 'int', name: 'admissions' })
  admissions: number;
}
