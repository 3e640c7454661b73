import { CLASS_METHODS, type ClassMethod } from '../../components/classes';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import type { CatalogueIndicator, Grouping, IndicatorGroup } from './catalogue';
import { IndicatorSelect } from './IndicatorSelect';
import { MAP_KINDS, type MapKindParam } from './kinds';

export interface MapChoices {
  indicatorId: string;
  kind: MapKindParam;
  year: number | undefined;
  classes: ClassMethod;
  group: Grouping;
}

/** The map's choices; each one changes the URL (setParams), so the URL restores the map. */
export function MapControls({ choices, groups, years, onChange }: { choices: MapChoices; groups: IndicatorGroup<CatalogueIndicator>[]; years: number[]; onChange: (changes: Record<string, string>) => void }) {
  const { t } = useI18n();
  const select = (event: Event) => (event.currentTarget as HTMLSelectElement).value;
  return (
    <form class="controls" onSubmit={(e) => e.preventDefault()} data-testid="map-controls">
      <IndicatorSelect id="map-indicator" label={t('map.indicator')} groups={groups} value={choices.indicatorId} onChange={(id) => onChange({ ind: id })} testId="map-indicator" />
      <div>
        <label for="map-group">{t('map.groupBy')}</label>
        <select id="map-group" value={choices.group} onChange={(e) => onChange({ group: select(e) })}>
          <option value="sector">{t('map.group.sector')}</option>
          <option value="framework">{t('map.group.framework')}</option>
        </select>
      </div>
      <div>
        <label for="map-kind">{t('map.kind')}</label>
        <select id="map-kind" value={choices.kind} onChange={(e) => onChange({ kind: select(e) })} data-testid="map-kind">
          {Object.entries(MAP_KINDS).map(([param, kind]) => (
            <option key={param} value={param}>
              {t(`kind.${kind}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="map-year">{t('map.year')}</label>
        <select id="map-year" value={choices.year === undefined ? '' : String(choices.year)} onChange={(e) => onChange({ year: select(e) })} disabled={years.length === 0} data-testid="map-year">
          {years
            .slice()
            .reverse()
            .map((year) => (
              <option key={year} value={String(year)}>
                {year}
              </option>
            ))}
        </select>
      </div>
      <div>
        <label for="map-classes">{t('map.classes')}</label>
        <select id="map-classes" value={choices.classes} onChange={(e) => onChange({ classes: select(e) })}>
          {CLASS_METHODS.map((method) => (
            <option key={method} value={method}>
              {t(`map.classes.${method}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
