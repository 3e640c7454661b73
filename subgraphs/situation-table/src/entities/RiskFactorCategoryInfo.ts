import { RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
import { Field, ObjectType } from 'type-graphql';
import { SituationTableRiskFactor } from './SituationTableRiskFactor';

@ObjectType({ description: 'A risk factor of the Risk-driven Tracking Database taxonomy (reference data)' })
export class RiskFactorInfo {
  @Field(() => SituationTableRiskFactor, { description: 'Stable code, prefixed by its category' })
  code: string;

  @Field(() => RiskFactorCategory)
  category: RiskFactorCategory;

  @Field({ description: 'English label of the factor (fixed reference text, not a record)' })
  label: string;
}

@ObjectType({ description: 'A risk-factor category of the Risk-driven Tracking Database with its factors' })
export class RiskFactorCategoryInfo {
  @Field(() => RiskFactorCategory)
  category: RiskFactorCategory;

  @Field(() => [RiskFactorInfo], { description: 'Factors of the category, in taxonomy order' })
  factors: RiskFactorInfo[];
}
