import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One school's totals for one school year, as a board reports them to the Ministry. */
@Entity('education_school_year_stat')
@ObjectType('EducationSchoolYearStat', { description: "A school's student counts for one school year" })
export class SchoolYearStat {
  @PrimaryColumn({ type: 'text', name: 'school_number' })
  @Field(() => ID)
  schoolNumber: string;

  @PrimaryColumn({ type: 'int', name: 'school_year' })
  @Field(() => Int, { description: 'Calendar year the school year ends in: 2024 is 2023-24' })
  schoolYear: number;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Students enrolled' })
  enrolment: number;

  @Column({ type: 'int', name: 'chronically_absent' })
  @Field(() => Int, { description: 'Students absent for 10% or more of school days' })
  chronicallyAbsent: number;

  @Column({ type: 'int', name: 'suspended_students' })
  @Field(() => Int, { description: 'Students suspended at least once' })
  suspendedStudents: number;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Students expelled' })
  expulsions: number;

  @Column({ type: 'int', name: 'graduation_cohort' })
  @Field(() => Int, { description: 'Students who started Grade 9 four years earlier (secondary schools; 0 for elementary)' })
  graduationCohort: number;

  @Column({ type: 'int', name: 'graduates_on_time' })
  @Field(() => Int, { description: 'Students of the cohort who graduated within four years (secondary schools; 0 for elementary)' })
  graduatesOnTime: number;

  @Field({ description: 'The school year written the usual way, e.g. "2023-24"' })
  get schoolYearLabel(): string {
    return `${this.schoolYear - 1}-${String(this.schoolYear % 100).padStart(2, '0')}`;
  }
}
