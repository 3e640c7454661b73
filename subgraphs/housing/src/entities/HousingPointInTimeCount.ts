import { Column, Entity, PrimaryColumn } from 'typeorm';

/** People counted in one neighbourhood by a point-in-time homelessness count. */
@Entity('housing_point_in_time_count')
export class HousingPointInTimeCount {
  @PrimaryColumn({ type: 'text', name: 'area_id' })
  areaId: string;

  @PrimaryColumn({ type: 'date', name: 'count_date' })
  countDate: string;

  @Column({ type: 'int', name: 'people_counted' })
  peopleCounted: number;
}
