import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A neighbourhood a table serves, with its share of the catchment's residents: the weight by
 * which the table's rejected discussions (which record no area) are apportioned in the rollup.
 */
@Entity('situation_table_catchment')
export class Catchment {
  @PrimaryColumn({ type: 'text', name: 'table_id' })
  tableId: string;

  @PrimaryColumn({ type: 'text', name: 'area_id' })
  areaId: string;

  @Column({ type: 'numeric', name: 'population_share' })
  populationShare: string;
}
