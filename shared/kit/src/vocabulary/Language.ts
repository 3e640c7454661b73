import { registerEnumType } from 'type-graphql';

/**
 * The languages the hub's words are served in: English and French, as Ontario's French
 * Language Services Act expects of provincial services.
 */
export enum Language {
  EN = 'EN',
  FR = 'FR',
}

registerEnumType(Language, {
  name: 'Language',
  description: 'A language the hub serves its reference text in (indicator names and definitions, framework areas, sectors, risk factors)',
  valuesConfig: {
    EN: { description: 'English' },
    FR: { description: 'French (Canadian usage)' },
  },
});

/** Options of the `language` argument every localized text field takes: `@Arg('language', () => Language, LANGUAGE_ARG)`. */
export const LANGUAGE_ARG = { defaultValue: Language.EN, description: 'Language of the text; English when not given' } as const;
