import type { I18n } from '../../i18n';

export function money(i18n: I18n, value: number): string {
  return new Intl.NumberFormat(i18n.locale, { style: 'currency', currency: 'CAD', maximumFractionDigits: 0 }).format(value);
}

/** A 0-to-1 share as a percentage in the viewer's language. */
export function share(i18n: I18n, value: number): string {
  return i18n.t('scorecard.percent', { value: i18n.number(value * 100, 1) });
}

/** A calendar date (YYYY-MM-DD) written out in the viewer's language. */
export function date(i18n: I18n, value: string): string {
  return new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
}
