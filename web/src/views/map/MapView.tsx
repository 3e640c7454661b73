import { useMemo } from 'preact/hooks';
import { useQuery } from '../../api/useQuery';
import { hrefOf, setParams, useRoute } from '../../app/router';
import type { ChoroplethArea } from '../../components/Choropleth';
import { classify, type ClassMethod } from '../../components/classes';
import { markText, valueText } from '../../components/Figure';
import { QueryBehind } from '../../components/QueryBehind';
import { QueryStatus } from '../../components/QueryStatus';
import { MapCityYearsDocument, MapIndicatorCatalogueDocument, MapIndicatorValuesDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { groupIndicators, type Grouping } from './catalogue';
import { ChoroplethFigure } from './ChoroplethFigure';
import { IndicatorAbout } from './IndicatorAbout';
import { kindOf } from './kinds';
import { MapControls } from './MapControls';
import { cityObservation, mapRows, type MapObservation, type MapRow } from './mapRows';
import { MapTable } from './MapTable';
import { seriesOf } from '../../api/sectors';
import { useBoundaries } from './useBoundaries';
import { yearRange, yearsWithData } from './years';

/** What the map shows before the viewer picks (the documented profile's first indicator). */
const STARTING_INDICATOR = 'police.violent_crime_rate';

/** Issue item 1: any indicator by neighbourhood or ward for a year, with its table twin. */
export function MapView() {
  const i18n = useI18n();
  const { t } = i18n;
  const { params } = useRoute();
  const catalogue = useQuery(MapIndicatorCatalogueDocument, { language: i18n.apiLanguage });
  const indicators = catalogue.status === 'done' ? (catalogue.data?.indicatorCatalogue ?? []) : [];
  // The starting indicator is asked for at once, beside the catalogue (one round trip less); a hub
  // whose catalogue lacks it starts from the catalogue's first.
  const starting = catalogue.status === 'done' && !indicators.some((i) => i.id === STARTING_INDICATOR) ? (indicators[0]?.id ?? '') : STARTING_INDICATOR;
  const indicatorId = params.get('ind') ?? starting;
  const indicator = indicators.find((i) => i.id === indicatorId);
  // Ids are prefixed by the sector that owns them: enough to read the answers before the catalogue is in.
  const sector = indicator?.sector ?? indicatorId.split('.')[0];
  const { param: kindParam, kind } = kindOf(params.get('kind'));
  const group: Grouping = params.get('group') === 'framework' ? 'framework' : 'sector';
  const classes: ClassMethod = params.get('classes') === 'jenks' ? 'jenks' : 'quantile';
  // The city over the recent years says which years have data; the areas are asked for the one year shown.
  const cityYears = useQuery(MapCityYearsDocument, { ids: [indicatorId], ...yearRange() }, { skip: !indicatorId });
  const cityData = cityYears.status === 'done' ? cityYears.data : null;
  const boundaries = useBoundaries(kind);

  const labels = useMemo(() => {
    const found = new Map<string, string>();
    if (catalogue.status === 'done') {
      for (const s of catalogue.data?.sectors ?? []) found.set(s.name, s.label);
      for (const f of catalogue.data?.frameworkAreas ?? []) found.set(f.area, f.label);
    }
    return found;
  }, [catalogue]);
  const groups = useMemo(() => groupIndicators(indicators, group, labels), [indicators, group, labels]);

  const years = useMemo(() => {
    const city = cityData?.city[0];
    return city ? yearsWithData(seriesOf<MapObservation>(city, sector, indicatorId) as MapObservation[]) : [];
  }, [cityData, sector, indicatorId]);
  const askedYear = Number(params.get('year'));
  const year = years.includes(askedYear) ? askedYear : years[years.length - 1];
  // A year in the URL is asked for at once, beside the city; otherwise the latest year with data, once known.
  const recent = yearRange();
  const urlYear = Number.isInteger(askedYear) && `${askedYear}-01-01` >= recent.from && `${askedYear}-12-31` <= recent.to ? askedYear : undefined;
  const valuesYear = cityData ? year : urlYear;
  const variables = { kind, ids: [indicatorId], from: `${valuesYear}-01-01`, to: `${valuesYear}-12-31` };
  const values = useQuery(MapIndicatorValuesDocument, variables, { skip: !indicatorId || valuesYear === undefined });
  const valuesData = values.status === 'done' ? values.data : null;

  const rows: MapRow[] = useMemo(
    () => (valuesData && indicator && year !== undefined && values.status === 'done' ? mapRows(valuesData, values.errors, indicator.sector, indicator.id, year) : []),
    [valuesData, indicator, year],
  );
  const drawnRows = rows.filter((row) => boundaries.byId.has(row.id));
  const classing = useMemo(() => classify(drawnRows.flatMap((r) => (r.value != null && !r.suppressed ? [r.value] : [])), classes), [drawnRows.map((r) => r.value).join(), classes]);

  const by = t(`map.by.${kind}` as MessageKey);
  const title = indicator && year !== undefined ? t('map.title', { indicator: indicator.name, year, by }) : '';
  const shownCount = rows.filter((r) => r.rank !== undefined).length;
  const describe = (row: MapRow): string => {
    if (row.notAllowed) return t('map.areaDescription', { area: row.name, value: t('marks.notAllowed') });
    if (row.suppressed) return t('map.areaWithheld', { area: row.name, reason: markText(t, row) });
    const value = valueText(i18n, row);
    const base = row.perturbed && row.value != null ? t('map.areaPerturbed', { area: row.name, value }) : t('map.areaDescription', { area: row.name, value });
    return row.rank !== undefined ? t('map.areaRank', { description: base, rank: row.rank, shown: shownCount }) : base;
  };
  const areas: ChoroplethArea[] = drawnRows.map((row) => ({
    id: row.id,
    name: row.name,
    geometry: boundaries.byId.get(row.id) ?? null,
    value: row.suppressed ? null : row.value,
    withheld: row.suppressed,
    description: describe(row),
    href: hrefOf('profile', { area: row.id, lang: i18n.language }),
  }));
  const city = cityData && indicator && year !== undefined ? cityObservation(cityData, indicator.sector, indicator.id, year) : undefined;
  const perturbed = drawnRows.filter((r) => r.perturbed && r.value != null).length;

  return (
    <div class="map-view">
      <p>{t('map.intro')}</p>
      <QueryStatus state={catalogue}>
        {() => (
          <MapControls
            choices={{ indicatorId, kind: kindParam, year, classes, group }}
            groups={groups}
            years={years}
            onChange={(changes) => setParams(changes)}
          />
        )}
      </QueryStatus>
      {indicator && (
        <IndicatorAbout indicator={indicator} sectorLabel={labels.get(indicator.sector) ?? indicator.sector} frameworkLabel={labels.get(indicator.frameworkArea) ?? indicator.frameworkArea} />
      )}
      {indicatorId && cityYears.status !== 'done' && <QueryStatus state={cityYears}>{() => null}</QueryStatus>}
      {indicatorId && cityYears.status === 'done' && years.length === 0 && <p class="muted">{t('map.noYears')}</p>}
      {indicatorId && years.length > 0 && (
        <QueryStatus state={values}>
          {() => (
            <>
              <h2 data-testid="map-title">{title}</h2>
              {city && <p class="map-city">{t('map.city', { year: year!, value: valueText(i18n, city) + (city.perturbed && city.value != null ? ' †' : '') })}</p>}
              {boundaries.state.status === 'done' && areas.length === 0 && <p class="muted">{t('map.noBoundaries')}</p>}
              {boundaries.state.status !== 'done' ? (
                <QueryStatus state={boundaries.state}>{() => null}</QueryStatus>
              ) : (
                areas.length > 0 && <ChoroplethFigure areas={areas} classing={classing} title={title} unit={indicator?.unit ?? ''} />
              )}
              {perturbed > 0 && <p class="muted">{t('map.perturbedCount', { count: perturbed })}</p>}
              <h2>{t('map.tableHeading')}</h2>
              <MapTable rows={boundaries.state.status === 'done' && areas.length > 0 ? drawnRows : rows} caption={indicator && year !== undefined ? t('map.table.caption', { indicator: indicator.name, year, by }) : ''} fileName={`${t('map.csvName')}-${indicatorId}-${kindParam}-${year}`} />
            </>
          )}
        </QueryStatus>
      )}
      <QueryBehind document={MapIndicatorValuesDocument} variables={variables} />
    </div>
  );
}
