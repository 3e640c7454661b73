import { Language } from './Language';

/** A text in every language the hub serves: a missing language is a type error. */
export type LocalizedText = Readonly<Record<Language, string>>;

/** The text in `language`; throws rather than fall back to another language. */
export function inLanguage(text: LocalizedText, language: Language): string {
  const found = text[language];
  if (typeof found !== 'string' || found.trim() === '') throw new Error(`no ${language} text for "${text[Language.EN]}"`);
  return found;
}

/** Problems of a localized text read from outside TypeScript (a JSON file, a declaration): one per missing or empty language. */
export function localizedTextProblems(text: unknown, where: string): string[] {
  if (typeof text !== 'object' || text === null) return [`${where} has no text in ${Object.values(Language).join(' and ')}`];
  return Object.values(Language)
    .filter((language) => {
      const value = (text as Record<string, unknown>)[language];
      return typeof value !== 'string' || value.trim() === '';
    })
    .map((language) => `${where} has no ${language} text`);
}
