import { DisclosedCount, type SuppressionReason } from '@cswb/subgraph-kit/privacy';
import { Period, RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { SituationTableAgeGroup } from './SituationTableAgeGroup';
import { SituationTableSector } from './SituationTableSector';

const COUNT = 'Exact for callers with records:read:situation-table; otherwise perturbed (docs/privacy.md), null when withheld';

@ObjectType({ description: 'Discussions with at least one risk factor of a category' })
export class SituationTableRiskCategoryCount extends DisclosedCount {
  @Field(() => RiskFactorCategory)
  category: RiskFactorCategory;

  @Field(() => Int, { nullable: true, description: COUNT })
  discussions: number | null;
}

@ObjectType({ description: 'Discussions that met the AER threshold, by age group of the person at risk' })
export class SituationTableAgeGroupCount extends DisclosedCount {
  @Field(() => SituationTableAgeGroup)
  ageGroup: SituationTableAgeGroup;

  @Field(() => Int, { nullable: true, description: COUNT })
  discussions: number | null;
}

@ObjectType({ description: 'Discussions that met the AER threshold in one neighbourhood' })
export class SituationTableAreaCount extends DisclosedCount {
  @Field(() => ID, { description: 'Neighbourhood id' })
  areaId: string;

  @Field(() => Int, { nullable: true, description: COUNT })
  discussions: number | null;
}

@ObjectType({ description: 'Discussions held in one period' })
export class SituationTablePeriodCount extends DisclosedCount {
  @Field(() => Period)
  period: Period;

  @Field(() => Int, { nullable: true, description: COUNT })
  discussions: number | null;
}

@ObjectType({ description: 'Discussions in which agencies of a sector assisted (filter 4)' })
export class SituationTableAgencyCount extends DisclosedCount {
  @Field(() => SituationTableSector)
  agency: SituationTableSector;

  @Field(() => Int, { nullable: true, description: COUNT })
  engagements: number | null;
}

/** One month's count of one cell, as loaded: `kind` names the breakdown, `key` its part. */
export interface AnalyticsRow {
  month: string;
  kind: 'discussions' | 'aer_met' | 'risk_lowered' | 'category' | 'age' | 'area' | 'agency';
  key: string;
  count: number;
  /** The key sum of the discussions counted (docs/privacy.md). */
  keySum: number;
}

@ObjectType({
  description:
    'Situation Table discussions over a range of months, for planners: every count is exact for callers with ' +
    'records:read:situation-table and otherwise perturbed by the cell-key method, never published from 1 to 9 (docs/privacy.md)',
})
export class SituationTableAnalytics {
  @Field({ description: 'True when the counts are exact; false when disclosure control applies' })
  exact: boolean;

  @Field({ description: 'True when the counts are perturbed by the cell-key method (docs/privacy.md): the opposite of exact' })
  perturbed: boolean;

  @Field(() => Int, { nullable: true, description: `Discussions held, rejected ones included (with areaId: those recorded in the neighbourhood, which only AER discussions are). ${COUNT}` })
  discussions: number | null;


  @Field(() => Int, { nullable: true, description: `Discussions that met the AER threshold. ${COUNT}` })
  aerMet: number | null;

  @Field(() => Int, { nullable: true, description: `Discussions concluded with overall risk lowered. ${COUNT}` })
  riskLowered: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Percent of discussions that met the AER threshold, from the published counts; null when a count is withheld, ' +
      'when there were none, or with areaId (a rejected discussion records no area)',
  })
  aerMetShare: number | null;

  @Field(() => Float, { nullable: true, description: 'Percent of AER discussions concluded with risk lowered, from the published counts' })
  riskLoweredShare: number | null;

  @Field(() => [SituationTableRiskCategoryCount], { description: 'Every risk-factor category, in taxonomy order' })
  byRiskCategory: SituationTableRiskCategoryCount[];

  @Field(() => [SituationTableAgeGroupCount], { description: 'Every age group, youngest first' })
  byAgeGroup: SituationTableAgeGroupCount[];

  @Field(() => [SituationTableAreaCount], {
    description: 'Every neighbourhood of the scope (with areaId: that one; with tableId: its catchment), in id order, whether it had discussions or not',
  })
  byArea: SituationTableAreaCount[];

  @Field(() => [SituationTableAgencyCount], { description: 'Every sector, most engaged first (by the published count, then by name)' })
  agenciesMostEngaged: SituationTableAgencyCount[];

  /** Loaded monthly cells, for `byPeriod`. */
  rows: AnalyticsRow[];
  from: string;
  to: string;
  /** Why the months and quarters of a neighbourhood scope are withheld from this caller, if they are (a small area). */
  subannualReason: SuppressionReason | null;
}
