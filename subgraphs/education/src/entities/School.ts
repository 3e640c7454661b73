import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SchoolPanel } from './SchoolPanel';

@Entity('education_school')
@Index(['areaId', 'schoolNumber'])
@ObjectType('EducationSchool', { description: 'A publicly funded school, located by neighbourhood only' })
export class School {
  @PrimaryColumn({ type: 'text', name: 'school_number' })
  @Field(() => ID, { description: "The school's number, unique in the municipality" })
  schoolNumber: string;

  @Column({ type: 'text' })
  @Field({ description: 'Name of the school' })
  name: string;

  @Column({ type: 'text', name: 'area_id' })
  @Field(() => ID, { description: 'Neighbourhood the school is located in' })
  areaId: string;

  @Column({ type: 'text' })
  @Field({ description: 'School board that operates the school' })
  board: string;

  @Column({ type: 'text' })
  @Field(() => SchoolPanel)
  panel: SchoolPanel;
}
