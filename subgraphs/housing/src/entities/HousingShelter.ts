import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { HousingShelterSector } from './HousingShelterSector';

/** An emergency shelter program, located by neighbourhood only. */
@Entity('housing_shelter')
@Index(['areaId'])
@ObjectType('HousingShelter', { description: 'An emergency shelter program, located by neighbourhood only' })
export class HousingShelter {
  @PrimaryColumn({ type: 'text', name: 'shelter_code' })
  @Field(() => ID, { description: "The service manager's shelter program code" })
  shelterCode: string;

  @Column({ type: 'text' })
  @Field({ description: 'Program name of the shelter (a facility, never a person)' })
  name: string;

  @Column({ type: 'text', name: 'area_id' })
  @Field(() => ID, { description: 'Neighbourhood the shelter is in' })
  areaId: string;

  @Column({ type: 'text' })
  @Field(() => HousingShelterSector)
  sector: HousingShelterSector;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Funded beds (or family-room beds) at full operation' })
  capacity: number;
}
