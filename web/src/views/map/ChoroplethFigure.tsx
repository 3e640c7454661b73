import { Choropleth, type ChoroplethArea } from '../../components/Choropleth';
import { ClassedLegend } from '../../components/ClassedLegend';
import type { Classing } from '../../components/classes';
import { useI18n } from '../../i18n';

/** A choropleth with its classed legend and summary in the viewer's language (map and risk views). */
export function ChoroplethFigure({ areas, classing, title, unit, digits = 1 }: { areas: ChoroplethArea[]; classing: Classing; title: string; unit: string; digits?: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const format = (value: number) => i18n.number(value, digits);
  const shown = areas.filter((a) => a.value != null && !a.withheld).map((a) => a.value as number);
  const withheld = areas.filter((a) => a.withheld).length;
  const noData = areas.length - shown.length - withheld;
  const summary =
    shown.length > 0
      ? t('map.summary', { shown: shown.length, total: areas.length, min: format(Math.min(...shown)), max: format(Math.max(...shown)), withheld, noData })
      : t('map.summaryEmpty', { withheld, noData });
  return (
    <figure class="map-figure">
      <Choropleth areas={areas} classing={classing} title={title} summary={summary} />
      <figcaption>
        <ClassedLegend
          classing={classing}
          title={t('map.legend.title', { unit })}
          format={format}
          rangeText={(min, max) => t('map.legend.range', { min, max })}
          countText={(count) => t('map.legend.count', { count })}
          withheldLabel={t('map.legend.withheld')}
          noDataLabel={t('map.legend.noData')}
          withheldCount={withheld}
          noDataCount={noData}
        />
        <p class="muted map-summary">{summary}</p>
      </figcaption>
    </figure>
  );
}
