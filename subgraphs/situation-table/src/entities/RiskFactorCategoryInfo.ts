import { inLanguage, Language, LANGUAGE_ARG, RISK_FACTOR_CATEGORY_LABELS, RISK_FACTORS, RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
import { Arg, Field, ObjectType } from 'type-graphql';
import { RiskFactorInfo } from './RiskFactorInfo';

@ObjectType({ description: 'A risk-factor category of the Risk-driven Tracking Database with its factors' })
export class RiskFactorCategoryInfo {
  @Field(() => RiskFactorCategory)
  category: RiskFactorCategory;

  @Field(() => String, { description: 'Name of the category (fixed reference text)' })
  label(@Arg('language', () => Language, LANGUAGE_ARG) language: Language): string {
    return inLanguage(RISK_FACTOR_CATEGORY_LABELS[this.category], language);
  }

  @Field(() => [RiskFactorInfo], { description: 'Factors of the category, in taxonomy order' })
  factors: RiskFactorInfo[];

  static of(category: RiskFactorCategory): RiskFactorCategoryInfo {
    const factors = RISK_FACTORS.filter((factor) => factor.category === category).map((factor) => RiskFactorInfo.of(factor));
    return Object.assign(new RiskFactorCategoryInfo(), { category, factors });
  }
}
