import type { MapIndicatorCatalogueQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';

type Definition = MapIndicatorCatalogueQuery['indicatorCatalogue'][number];

/** What the mapped indicator measures, in the hub's words and the viewer's language. */
export function IndicatorAbout({ indicator, sectorLabel, frameworkLabel }: { indicator: Definition; sectorLabel: string; frameworkLabel: string }) {
  const { t } = useI18n();
  return (
    <details class="indicator-about">
      <summary>{t('map.about')}</summary>
      <dl>
        <dt>{t('field.definition')}</dt>
        <dd>{indicator.definition}</dd>
        <dt>{t('field.unit')}</dt>
        <dd>
          {indicator.unit}. {t(`map.better.${indicator.betterWhen}` as MessageKey)}.
        </dd>
        <dt>{t('field.sector')}</dt>
        <dd>{sectorLabel}</dd>
        <dt>{t('field.frameworkArea')}</dt>
        <dd>{frameworkLabel}</dd>
        <dt>{t('field.source')}</dt>
        <dd>{indicator.source}</dd>
      </dl>
    </details>
  );
}
