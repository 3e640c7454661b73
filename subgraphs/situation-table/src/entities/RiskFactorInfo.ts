import { inLanguage, Language, LANGUAGE_ARG, LocalizedText, RiskFactorCategory, RiskFactorDefinition } from '@cswb/subgraph-kit/vocabulary';
import { Arg, Field, ObjectType } from 'type-graphql';
import { SituationTableRiskFactor } from './SituationTableRiskFactor';

@ObjectType({ description: 'A risk factor of the Risk-driven Tracking Database taxonomy (reference data)' })
export class RiskFactorInfo {
  @Field(() => SituationTableRiskFactor, { description: 'Stable code, prefixed by its category' })
  code: string;

  @Field(() => RiskFactorCategory)
  category: RiskFactorCategory;

  /** The label in every language, served by `label`. */
  labels: LocalizedText;

  @Field(() => String, { description: 'Label of the factor (fixed reference text, not a record)' })
  label(@Arg('language', () => Language, LANGUAGE_ARG) language: Language): string {
    return inLanguage(this.labels, language);
  }

  static of(factor: RiskFactorDefinition): RiskFactorInfo {
    return Object.assign(new RiskFactorInfo(), { code: factor.code, category: factor.category, labels: factor.label });
  }
}
