import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One shelter's occupancy at the nightly count. Read through `HousingShelter.occupancy`. */
@Entity('housing_shelter_night')
export class HousingShelterNight {
  @PrimaryColumn({ type: 'text', name: 'shelter_code' })
  shelterCode: string;

  @PrimaryColumn({ type: 'date' })
  night: string;

  @Column({ type: 'int' })
  occupied: number;

  /** Beds in service that night: below the funded capacity when beds are closed. */
  @Column({ type: 'int' })
  capacity: number;
}
