import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { BetterDirection } from './BetterDirection';
import { FrameworkArea } from './FrameworkArea';
import { Granularity } from './Granularity';

/** The words of an indicator, the ones served in every language. */
export const INDICATOR_TEXT_FIELDS = ['name', 'definition', 'unit', 'source'] as const;
export type IndicatorText = Pick<IndicatorDefinition, (typeof INDICATOR_TEXT_FIELDS)[number]>;

/**
 * The text fields hold the English; `fr` the French, required, so a sector cannot declare an
 * indicator without it. The fields take a `language` argument (IndicatorDefinitionResolver).
 */
@Directive('@shareable')
@ObjectType({ description: 'What an indicator measures, who owns it and how to read it' })
export class IndicatorDefinition {
  @Field(() => ID, { description: 'Stable identifier, prefixed by the owning sector: police.violent_crime_rate' })
  id: string;

  @Field()
  name: string;

  @Field({ description: 'How the value is computed, in words' })
  definition: string;

  @Field({ description: 'The sector (subgraph) that owns the data' })
  sector: string;

  @Field(() => FrameworkArea)
  frameworkArea: FrameworkArea;

  @Field({ description: 'Unit of the value, e.g. "per 1,000 residents" or "count"; "par 1 000 habitants" in French' })
  unit: string;

  @Field(() => BetterDirection)
  betterWhen: BetterDirection;

  @Field({ description: 'Where the data comes from' })
  source: string;

  @Field(() => Granularity, { description: 'The finest period the data is collected at' })
  frequency: Granularity;

  /** The French of name, definition, unit and source: data only, served through their `language` argument. */
  fr: IndicatorText;
}
