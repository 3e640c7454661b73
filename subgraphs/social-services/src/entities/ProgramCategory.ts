import { Entity, PrimaryColumn } from 'typeorm';
import { ServiceCategory } from './ServiceCategory';

/** One kind of service a program offers; a program may offer several. */
@Entity('social_services_program_category')
export class ProgramCategory {
  @PrimaryColumn({ type: 'text', name: 'program_code' })
  programCode: string;

  @PrimaryColumn({ type: 'text', name: 'category' })
  category: ServiceCategory;
}
