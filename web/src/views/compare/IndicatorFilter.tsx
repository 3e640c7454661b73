import { useI18n } from '../../i18n';

export interface IndicatorChoice {
  fa?: string;
  sector?: string;
}

/** One labelled select: all indicators, those of one framework area, or those of one sector. */
export function IndicatorFilter({ choice, frameworkAreas, sectors, onChange }: { choice: IndicatorChoice; frameworkAreas: { area: string; label: string }[]; sectors: { name: string; label: string }[]; onChange: (choice: IndicatorChoice) => void }) {
  const { t } = useI18n();
  const value = choice.fa ? `fa:${choice.fa}` : choice.sector ? `sector:${choice.sector}` : '';
  const pick = (event: Event) => {
    const [kind, name] = (event.currentTarget as HTMLSelectElement).value.split(':');
    onChange(kind === 'fa' ? { fa: name } : kind === 'sector' ? { sector: name } : {});
  };
  return (
    <div class="field">
      <label for="compare-indicators">{t('compare.indicators')}</label>
      <select id="compare-indicators" value={value} onChange={pick}>
        <option value="">{t('compare.allIndicators')}</option>
        <optgroup label={t('compare.byFramework')}>
          {frameworkAreas.map((fa) => (
            <option key={fa.area} value={`fa:${fa.area}`}>
              {fa.label}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('compare.bySector')}>
          {sectors.map((sector) => (
            <option key={sector.name} value={`sector:${sector.name}`}>
              {sector.label}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}
