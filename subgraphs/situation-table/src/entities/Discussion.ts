import { RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SituationTableAgeGroup } from './SituationTableAgeGroup';
import { SituationTableConclusion } from './SituationTableConclusion';
import { SituationTableGender } from './SituationTableGender';
import { SituationTableProtectiveFactor } from './SituationTableProtectiveFactor';
import { SituationTableRiskFactor } from './SituationTableRiskFactor';
import { SituationTableSector } from './SituationTableSector';
import { SituationTableService } from './SituationTableService';

/**
 * One discussion of the Risk-driven Tracking Database, de-identified: enumerations, codes,
 * dates and a neighbourhood only; no name, address, date of birth or free text. A rejected
 * discussion (AER not met) keeps only its date, table, originating agency and filter reached:
 * the database's CHECK constraints hold every other column NULL.
 */
@Entity('situation_table_discussion')
@ObjectType('SituationTableDiscussion', {
  description: 'A de-identified Situation Table discussion (RTD record); rejected discussions keep only the minimum',
})
export class Discussion {
  @PrimaryColumn({ type: 'text', name: 'discussion_id' })
  @Field(() => ID, { description: "The discussion's number in the RTD: its table, year and sequence, never a person's" })
  id: string;

  @Column({ type: 'date', name: 'discussed_on' })
  @Field(() => LocalDateResolver, { description: 'Day the table first heard the situation' })
  discussedOn: string;

  @Column({ type: 'text', name: 'table_id' })
  @Field(() => ID, { description: 'The Situation Table (RTD site) that held the discussion' })
  tableId: string;

  @Column({ type: 'text', name: 'originating_agency' })
  @Field(() => SituationTableSector, { description: 'Sector of the agency that brought the situation (filter 1)' })
  originatingAgency: SituationTableSector;

  @Column({ type: 'smallint', name: 'filter_reached' })
  @Field(() => Int, { description: 'Last of the four filters reached: 2 when AER was not met, 3 or 4 when it was' })
  filterReached: number;

  @Column({ type: 'boolean', name: 'aer_met' })
  @Field({ description: 'Whether the table found acutely elevated risk (filter 2)' })
  aerMet: boolean;

  @Column({ type: 'text', name: 'area_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Neighbourhood of the situation; null for a rejected discussion' })
  areaId: string | null;

  @Column({ type: 'text', name: 'age_group', nullable: true })
  @Field(() => SituationTableAgeGroup, { nullable: true })
  ageGroup: SituationTableAgeGroup | null;

  @Column({ type: 'text', name: 'gender', nullable: true })
  @Field(() => SituationTableGender, { nullable: true })
  gender: SituationTableGender | null;

  @Field(() => [SituationTableRiskFactor], { nullable: true, description: 'Risk factors, in code order; null for a rejected discussion' })
  riskFactors: string[] | null;

  @Field(() => [RiskFactorCategory], { nullable: true, description: 'Categories of the risk factors, each once, in taxonomy order' })
  riskCategories: RiskFactorCategory[] | null;

  @Column({ type: 'text', name: 'protective_factors', array: true, nullable: true })
  @Field(() => [SituationTableProtectiveFactor], { nullable: true })
  protectiveFactors: SituationTableProtectiveFactor[] | null;

  @Column({ type: 'text', name: 'assisting_agencies', array: true, nullable: true })
  @Field(() => [SituationTableSector], { nullable: true, description: 'Sectors of the agencies that planned the intervention (filter 4)' })
  assistingAgencies: SituationTableSector[] | null;

  @Column({ type: 'text', name: 'services_mobilised', array: true, nullable: true })
  @Field(() => [SituationTableService], { nullable: true })
  servicesMobilised: SituationTableService[] | null;

  @Column({ type: 'text', name: 'conclusion', nullable: true })
  @Field(() => SituationTableConclusion, { nullable: true })
  conclusion: SituationTableConclusion | null;

  @Column({ type: 'date', name: 'concluded_on', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  concludedOn: string | null;

  @Field(() => Int, { nullable: true, description: 'Days from the discussion to its conclusion' })
  daysToConclusion: number | null;
}
