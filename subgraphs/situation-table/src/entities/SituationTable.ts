import { Entity, PrimaryColumn } from 'typeorm';

/** A Situation Table (an RTD site): the agencies meeting weekly for one catchment. */
@Entity('situation_table_table')
export class SituationTable {
  @PrimaryColumn({ type: 'text', name: 'table_id' })
  tableId: string;
}
