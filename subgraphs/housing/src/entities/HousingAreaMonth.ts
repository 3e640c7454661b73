import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Monthly housing-stability counts for one neighbourhood. */
@Entity('housing_area_month')
export class HousingAreaMonth {
  @PrimaryColumn({ type: 'text', name: 'area_id' })
  areaId: string;

  /** First day of the month. */
  @PrimaryColumn({ type: 'date' })
  month: string;

  /** Stock: people on the By-Name List known to be homeless for 6 months or more in the past year. */
  @Column({ type: 'int', name: 'chronically_homeless' })
  chronicallyHomeless: number;

  /** Stock: households on the centralised social-housing waitlist at month end. */
  @Column({ type: 'int', name: 'waitlist_households' })
  waitlistHouseholds: number;

  /** Flow: Landlord and Tenant Board L1/L2 eviction applications filed in the month. */
  @Column({ type: 'int', name: 'eviction_applications' })
  evictionApplications: number;
}
