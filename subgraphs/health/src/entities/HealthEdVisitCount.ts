import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { HealthAgeGroup } from './HealthAgeGroup';
import { HealthSex } from './HealthSex';
import { HealthVisitReason } from './HealthVisitReason';

/** One cell of the monthly emergency department visit table the hospital partner shares. */
@Entity('health_ed_visit_count')
@ObjectType('HealthEdVisitCount', {
  description: 'Emergency department visits of residents of a neighbourhood in one month, for one reason, age group and sex',
})
export class HealthEdVisitCount {
  @PrimaryColumn({ type: 'text', name: 'area_id' })
  @Field(() => ID, { description: 'Neighbourhood of residence' })
  areaId: string;

  @PrimaryColumn({ type: 'date', name: 'month' })
  @Field(() => LocalDateResolver, { description: 'First day of the month' })
  month: string;

  @PrimaryColumn({ type: 'text', name: 'reason' })
  @Field(() => HealthVisitReason)
  reason: HealthVisitReason;

  @PrimaryColumn({ type: 'text', name: 'age_group' })
  @Field(() => HealthAgeGroup)
  ageGroup: HealthAgeGroup;

  @PrimaryColumn({ type: 'text', name: 'sex' })
  @Field(() => HealthSex)
  sex: HealthSex;

  @Column({ type: 'int', name: 'visits' })
  @Field(() => Int)
  visits: number;
}
