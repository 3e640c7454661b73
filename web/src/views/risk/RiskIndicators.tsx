import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import type { CatalogueIndicator, IndicatorGroup } from '../map/catalogue';
import { IndicatorSelect } from '../map/IndicatorSelect';
import { MAX_INDICATORS, type Polarity, type WeightedIndicator } from './riskParams';

/** Pick 1 to 20 indicators, each with its weight and polarity (the catalogue's unless the viewer turns it). */
export function RiskIndicators({
  chosen,
  groups,
  byId,
  onChange,
}: {
  chosen: WeightedIndicator[];
  groups: IndicatorGroup<CatalogueIndicator>[];
  byId: Map<string, CatalogueIndicator>;
  onChange: (indicators: WeightedIndicator[]) => void;
}) {
  const { t } = useI18n();
  const [pick, setPick] = useState('');
  const taken = new Set(chosen.map((c) => c.indicatorId));
  const offered = groups.map((g) => ({ ...g, indicators: g.indicators.filter((i) => !taken.has(i.id)) })).filter((g) => g.indicators.length > 0);
  const full = chosen.length >= MAX_INDICATORS;
  const add = (event: Event) => {
    event.preventDefault();
    if (!pick || full || taken.has(pick)) return;
    // A neutral indicator has no direction of its own: the viewer's starts as "higher is worse".
    onChange([...chosen, { indicatorId: pick, weight: 1, ...(byId.get(pick)?.betterWhen === 'NEUTRAL' ? { betterWhen: 'LOWER' as const } : {}) }]);
    setPick('');
  };
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  return (
    <div class="risk-indicators">
      <form class="controls" onSubmit={add}>
        <IndicatorSelect id="risk-pick" label={t('risk.pick')} groups={offered} value={pick} onChange={setPick} placeholder={t('risk.pickPlaceholder')} testId="risk-pick" />
        <button type="submit" disabled={!pick || full} data-testid="risk-add">
          {t('risk.add')}
        </button>
        {full && <p class="muted">{t('risk.max', { max: MAX_INDICATORS })}</p>}
      </form>
      {chosen.length === 0 ? (
        <p class="muted" data-testid="risk-none">
          {t('risk.none')}
        </p>
      ) : (
        <table class="risk-chosen" data-testid="risk-chosen">
          <caption>{t('risk.chosen', { count: chosen.length, max: MAX_INDICATORS })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.indicator')}</th>
              <th scope="col">{t('risk.weight')}</th>
              <th scope="col">{t('risk.polarity')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('risk.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {chosen.map((c, index) => {
              const indicator = byId.get(c.indicatorId);
              const catalogued = indicator?.betterWhen === 'HIGHER' || indicator?.betterWhen === 'LOWER' ? indicator.betterWhen : undefined;
              const polarity: Polarity = c.betterWhen ?? catalogued ?? 'LOWER';
              return (
                <tr key={c.indicatorId} data-indicator={c.indicatorId}>
                  <th scope="row">{nameOf(c.indicatorId)}</th>
                  <td>
                    <input
                      type="number"
                      min="0.1"
                      max="100"
                      step="0.1"
                      value={Number.isFinite(c.weight) ? String(c.weight) : ''}
                      aria-label={t('risk.weightOf', { indicator: nameOf(c.indicatorId) })}
                      class="risk-weight"
                      onChange={(e) => {
                        const weight = Number((e.currentTarget as HTMLInputElement).value);
                        onChange(chosen.map((other, i) => (i === index ? { ...other, weight } : other)));
                      }}
                    />
                  </td>
                  <td>
                    <select
                      class="risk-polarity"
                      value={polarity}
                      aria-label={t('risk.polarityOf', { indicator: nameOf(c.indicatorId) })}
                      onChange={(e) => {
                        const chosenPolarity = (e.currentTarget as HTMLSelectElement).value as Polarity;
                        // The catalogue's own direction is not written in the URL: only the viewer's turn of it.
                        const betterWhen = chosenPolarity === catalogued ? undefined : chosenPolarity;
                        onChange(chosen.map((other, i) => (i === index ? { indicatorId: other.indicatorId, weight: other.weight, ...(betterWhen ? { betterWhen } : {}) } : other)));
                      }}
                    >
                      {(['LOWER', 'HIGHER'] as const).map((option) => (
                        <option value={option} key={option}>
                          {t(`risk.polarity.${option}` as MessageKey)}
                          {option === catalogued ? ` ${t('risk.polarityCatalogue')}` : ''}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button type="button" class="secondary" aria-label={t('risk.removeLabel', { indicator: nameOf(c.indicatorId) })} onClick={() => onChange(chosen.filter((_, i) => i !== index))}>
                      {t('risk.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p class="muted">{t('risk.polarityHelp')}</p>
    </div>
  );
}
