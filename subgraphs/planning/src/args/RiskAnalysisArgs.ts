import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field } from 'type-graphql';
import { AreaKind } from '../entities/AreaKind';
import { WeightedIndicatorInput } from './WeightedIndicatorInput';

export const MAX_RISK_INDICATORS = 20;

@ArgsType()
export class RiskAnalysisArgs {
  @Field(() => [WeightedIndicatorInput], { description: `1 to ${MAX_RISK_INDICATORS} indicators with their weights` })
  indicators: WeightedIndicatorInput[];

  @Field(() => LocalDateResolver, { description: 'First day of the first year (inclusive)' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the last year (inclusive)' })
  to: string;

  @Field(() => AreaKind, { defaultValue: AreaKind.NEIGHBOURHOOD, description: 'The areas ranked' })
  kind: AreaKind;
}
