import { useRoute } from '../app/router';
import { en } from './en';
import { fr } from './fr';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export type MessageKey = keyof typeof en;

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, fr };
const LOCALES: Record<Language, string> = { en: 'en-CA', fr: 'fr-CA' };

/** The language a URL asks for (`?lang=fr`), else the browser's, else English. */
export function languageOf(params: URLSearchParams): Language {
  const asked = params.get('lang');
  if (asked === 'en' || asked === 'fr') return asked;
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  const text = CATALOGUES[language][key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export interface I18n {
  language: Language;
  /** The hub's Language enum value, for localized fields. */
  apiLanguage: 'EN' | 'FR';
  locale: string;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  number(value: number, digits?: number): string;
}

const formatters = new Map<string, Intl.NumberFormat>();

export function i18nFor(language: Language): I18n {
  const locale = LOCALES[language];
  return {
    language,
    apiLanguage: language === 'fr' ? 'FR' : 'EN',
    locale,
    t: (key, values) => translate(language, key, values),
    number(value, digits = 1) {
      const id = `${locale}|${digits}`;
      let format = formatters.get(id);
      if (!format) formatters.set(id, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
      return format.format(value);
    },
  };
}

export function useI18n(): I18n {
  return i18nFor(languageOf(useRoute().params));
}
