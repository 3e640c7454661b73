import { Entity, PrimaryColumn } from 'typeorm';

/** A neighbourhood a program serves. */
@Entity('social_services_program_area')
export class ProgramArea {
  @PrimaryColumn({ type: 'text', name: 'program_code' })
  programCode: string;

  @PrimaryColumn({ type: 'text', name: 'area_id' })
  areaId: string;
}
