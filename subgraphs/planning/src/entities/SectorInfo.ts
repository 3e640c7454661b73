import { inLanguage, Language, LANGUAGE_ARG, LocalizedText, type SectorLabel } from '@cswb/subgraph-kit/vocabulary';
import { Arg, Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A subgraph of the hub (a sector, or planning) with its display name' })
export class SectorInfo {
  @Field({ description: 'Its name, as `IndicatorDefinition.sector` and `indicatorCatalogue(sector:)` spell it: social-services' })
  name: string;

  /** The display name in every language, served by `label`. */
  labels: LocalizedText;

  @Field(() => String, { description: 'Display name: "Social services", « Services sociaux »' })
  label(@Arg('language', () => Language, LANGUAGE_ARG) language: Language): string {
    return inLanguage(this.labels, language);
  }

  @Field(() => Boolean, { description: 'True when it publishes indicators (the catalogue lists some of its own)' })
  publishesIndicators: boolean;

  static of(sector: SectorLabel, publishesIndicators: boolean): SectorInfo {
    return Object.assign(new SectorInfo(), { name: sector.name, labels: sector.label, publishesIndicators });
  }
}
