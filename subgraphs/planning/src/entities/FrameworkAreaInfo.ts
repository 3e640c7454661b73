import { FRAMEWORK_AREA_TEXT, FrameworkArea, inLanguage, Language, LANGUAGE_ARG } from '@cswb/subgraph-kit/vocabulary';
import { Arg, Field, ObjectType } from 'type-graphql';

@ObjectType({ description: "An area of Ontario's CSWB planning framework, with its name and what it covers" })
export class FrameworkAreaInfo {
  @Field(() => FrameworkArea)
  area: FrameworkArea;

  @Field(() => String, { description: 'Name of the area: "Prevention", « Prévention »' })
  label(@Arg('language', () => Language, LANGUAGE_ARG) language: Language): string {
    return inLanguage(FRAMEWORK_AREA_TEXT[this.area].label, language);
  }

  @Field(() => String, { description: 'What the area covers, in one sentence' })
  description(@Arg('language', () => Language, LANGUAGE_ARG) language: Language): string {
    return inLanguage(FRAMEWORK_AREA_TEXT[this.area].description, language);
  }

  static of(area: FrameworkArea): FrameworkAreaInfo {
    return Object.assign(new FrameworkAreaInfo(), { area });
  }
}
