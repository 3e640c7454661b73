import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { IndicatorDefinition, INDICATOR_TEXT_FIELDS, IndicatorText } from './IndicatorDefinition';
import { Language, LANGUAGE_ARG } from './Language';

/** The text of one field in one language; throws rather than serve English for French. */
export function indicatorText(indicator: IndicatorDefinition, field: keyof IndicatorText, language: Language): string {
  const text = language === Language.EN ? indicator[field] : indicator.fr?.[field];
  if (typeof text !== 'string' || text.trim() === '') throw new Error(`${indicator.id} has no ${language} ${field}`);
  return text;
}

/** One problem per indicator text missing or empty in a language; none when every text is there. */
export function indicatorTextProblems(indicators: readonly IndicatorDefinition[]): string[] {
  return indicators.flatMap((indicator) =>
    Object.values(Language).flatMap((language) =>
      INDICATOR_TEXT_FIELDS.filter((field) => {
        const text = language === Language.EN ? indicator[field] : indicator.fr?.[field];
        return typeof text !== 'string' || text.trim() === '';
      }).map((field) => `${indicator.id} has no ${language} ${field}`),
    ),
  );
}

/**
 * The `language` argument of IndicatorDefinition's text fields. Every subgraph registers it
 * (`subgraphSchema`): a subgraph without it would answer French requests in English.
 */
@Resolver(() => IndicatorDefinition)
export class IndicatorDefinitionResolver {
  @FieldResolver(() => String)
  name(@Root() indicator: IndicatorDefinition, @Arg('language', () => Language, LANGUAGE_ARG) language: Language): string {
    return indicatorText(indicator, 'name', language);
  }

  @FieldResolver(() => String)
  definition(@Root() indicator: IndicatorDefinition, @Arg('language', () => Language, LANGUAGE_ARG) language: Language): string {
    return indicatorText(indicator, 'definition', language);
  }

  @FieldResolver(() => String)
  unit(@Root() indicator: IndicatorDefinition, @Arg('language', () => Language, LANGUAGE_ARG) language: Language): string {
    return indicatorText(indicator, 'unit', language);
  }

  @FieldResolver(() => String)
  source(@Root() indicator: IndicatorDefinition, @Arg('language', () => Language, LANGUAGE_ARG) language: Language): string {
    return indicatorText(indicator, 'source', language);
  }
}
