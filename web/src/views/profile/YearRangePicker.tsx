import { useI18n } from '../../i18n';

/** Two labelled selects, first and last year; a change sets both so the URL holds the range. */
export function YearRangePicker({ idPrefix, years, from, to, onChange }: { idPrefix: string; years: number[]; from: number; to: number; onChange: (from: number, to: number) => void }) {
  const { t } = useI18n();
  const pick = (which: 'from' | 'to') => (event: Event) => {
    const year = Number((event.currentTarget as HTMLSelectElement).value);
    if (which === 'from') onChange(year, Math.max(year, to));
    else onChange(Math.min(from, year), year);
  };
  return (
    <fieldset class="year-range">
      <legend>{t('profile.period')}</legend>
      <div class="field">
        <label for={`${idPrefix}-from`}>{t('profile.from')}</label>
        <select id={`${idPrefix}-from`} value={String(from)} onChange={pick('from')}>
          {years.map((year) => (
            <option key={year} value={String(year)}>
              {year}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${idPrefix}-to`}>{t('profile.to')}</label>
        <select id={`${idPrefix}-to`} value={String(to)} onChange={pick('to')}>
          {years.map((year) => (
            <option key={year} value={String(year)}>
              {year}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
