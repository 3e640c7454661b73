import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import type { PeriodChoice } from './period';

const KINDS = ['year', 'quarter', 'month'] as const;

/** One calendar year, quarter or month at a time (what the hub publishes to perturbed callers), and a neighbourhood. */
export function PeriodPicker({ choice, years, neighbourhoods, areaId, onChange }: {
  choice: PeriodChoice;
  years: number[];
  neighbourhoods: { id: string; name: string }[];
  areaId: string;
  onChange: (changes: Record<string, string | undefined>) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const value = (event: Event) => (event.currentTarget as HTMLSelectElement | HTMLInputElement).value;
  return (
    <div class="controls situation-pickers">
      <fieldset class="period-kind">
        <legend>{t('situationTable.periodKind')}</legend>
        {KINDS.map((kind) => (
          <label key={kind} class="inline">
            <input type="radio" name="period-kind" value={kind} checked={choice.kind === kind} onChange={(event) => onChange({ per: value(event) })} />
            {' '}
            {t(`situationTable.kind.${kind}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <div>
        <label for="st-year">{t('field.year')}</label>
        <select id="st-year" value={String(choice.year)} onChange={(event) => onChange({ year: value(event) })}>
          {years.map((year) => (
            <option key={year} value={String(year)}>
              {year}
            </option>
          ))}
        </select>
      </div>
      {choice.kind === 'quarter' && (
        <div>
          <label for="st-quarter">{t('situationTable.quarter')}</label>
          <select id="st-quarter" value={String(choice.quarter)} onChange={(event) => onChange({ q: value(event) })}>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={String(q)}>
                {t('situationTable.quarterOption', { q })}
              </option>
            ))}
          </select>
        </div>
      )}
      {choice.kind === 'month' && (
        <div>
          <label for="st-month">{t('situationTable.month')}</label>
          <select id="st-month" value={String(choice.month)} onChange={(event) => onChange({ m: value(event) })}>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <option key={m} value={String(m)}>
                {new Intl.DateTimeFormat(i18n.locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m - 1, 1)))}
              </option>
            ))}
          </select>
        </div>
      )}
      {choice.kind === 'year' && (
        <div>
          <label for="st-by">{t('situationTable.by')}</label>
          <select id="st-by" value={choice.by === 'QUARTER' ? 'quarter' : 'month'} onChange={(event) => onChange({ by: value(event) === 'quarter' ? 'quarter' : undefined })}>
            <option value="month">{t('situationTable.byMonth')}</option>
            <option value="quarter">{t('situationTable.byQuarter')}</option>
          </select>
        </div>
      )}
      <div>
        <label for="st-area">{t('situationTable.area')}</label>
        <select id="st-area" value={areaId} onChange={(event) => onChange({ area: value(event) })}>
          <option value="">{t('situationTable.wholeCity')}</option>
          {neighbourhoods.map((area) => (
            <option key={area.id} value={area.id}>
              {area.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
