import { Entity, PrimaryColumn } from 'typeorm';

/** An area a priority risk concerns (a row per risk and area, so each area id is a foreign key). */
@Entity('plan_priority_risk_area')
export class PriorityRiskArea {
  @PrimaryColumn({ type: 'uuid', name: 'priority_risk_id' })
  priorityRiskId: string;

  @PrimaryColumn({ type: 'text', name: 'area_id' })
  areaId: string;
}
