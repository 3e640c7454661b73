import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Food bank use by residents of a neighbourhood in a month. */
@Entity('social_services_food_bank_month')
export class FoodBankMonth {
  @PrimaryColumn({ type: 'text', name: 'area_id' })
  areaId: string;

  @PrimaryColumn({ type: 'date', name: 'month' })
  month: string;

  @Column({ type: 'int', name: 'visits' })
  visits: number;

  /** Distinct households served in the month; a household may visit more than once. */
  @Column({ type: 'int', name: 'unique_households' })
  uniqueHouseholds: number;
}
