import { useMemo } from 'preact/hooks';
import { useQuery } from '../../api/useQuery';
import { hrefOf, setParams, useRoute } from '../../app/router';
import type { ChoroplethArea } from '../../components/Choropleth';
import { classify } from '../../components/classes';
import { QueryBehind } from '../../components/QueryBehind';
import { QueryStatus } from '../../components/QueryStatus';
import { RiskRankingDocument, RiskSetupDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { groupIndicators, type CatalogueIndicator, type Grouping } from '../map/catalogue';
import { ChoroplethFigure } from '../map/ChoroplethFigure';
import { kindOf, MAP_KINDS } from '../map/kinds';
import { observationsOf } from '../../api/sectors';
import { useBoundaries } from '../map/useBoundaries';
import { yearRange, yearsWithData } from '../map/years';
import { RiskIndicators } from './RiskIndicators';
import { formatIndicators, parseIndicators, type WeightedIndicator } from './riskParams';
import { type RiskScore, RiskTable } from './RiskTable';

const REFUSED = new Set(['UNAUTHORIZED_FIELD_OR_TYPE', 'FORBIDDEN']);

/** Issue item 4 (toolkit tool 5): pick and weight indicators, see the composite rank on a map and in a table. */
export function RiskView() {
  const i18n = useI18n();
  const { t } = i18n;
  const { params } = useRoute();
  const setup = useQuery(RiskSetupDocument, { language: i18n.apiLanguage, ...yearRange() });
  const setupData = setup.status === 'done' ? setup.data : null;
  const catalogue = setupData?.indicatorCatalogue ?? [];
  const byId = useMemo(() => new Map<string, CatalogueIndicator>(catalogue.map((i) => [i.id, i])), [catalogue]);
  const labels = useMemo(() => new Map((setupData?.sectors ?? []).map((s) => [s.name, s.label])), [setupData]);
  const group: Grouping = 'sector';
  const groups = useMemo(() => groupIndicators(catalogue, group, labels), [catalogue, labels]);
  const years = useMemo(() => yearsWithData((setupData?.years ?? []).flatMap((area) => observationsOf<{ period: { label: string }; value: number | null }>(area))), [setupData]);

  const chosen = parseIndicators(params.get('ind'));
  const { param: kindParam, kind } = kindOf(params.get('kind'));
  const latest = years[years.length - 1];
  const askedFrom = Number(params.get('from'));
  const askedTo = Number(params.get('to'));
  let from = years.includes(askedFrom) ? askedFrom : (years[years.length - 2] ?? latest);
  let to = years.includes(askedTo) ? askedTo : latest;
  const swapped = from !== undefined && to !== undefined && from > to;
  if (swapped) [from, to] = [to, from];

  const variables = {
    indicators: chosen,
    from: `${from}-01-01`,
    to: `${to}-12-31`,
    kind,
  };
  const ready = chosen.length > 0 && from !== undefined && to !== undefined;
  const ranking = useQuery(RiskRankingDocument, variables, { skip: !ready });
  const boundaries = useBoundaries(kind);

  const setIndicators = (indicators: WeightedIndicator[]) => setParams({ ind: formatIndicators(indicators) });
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const by = t(`map.by.${kind}` as MessageKey);
  const title = t('risk.mapTitle', { from: String(from ?? ''), to: String(to ?? ''), by });
  const select = (event: Event) => (event.currentTarget as HTMLSelectElement).value;

  return (
    <div class="risk-view">
      <p>{t('risk.intro')}</p>
      <QueryStatus state={setup}>
        {() => (
          <section aria-labelledby="risk-setup-heading">
            <h2 id="risk-setup-heading">{t('risk.setup')}</h2>
            <RiskIndicators chosen={chosen} groups={groups} byId={byId} onChange={setIndicators} />
            {years.length === 0 ? (
              <p class="muted">{t('risk.noYears')}</p>
            ) : (
              <form class="controls" onSubmit={(e) => e.preventDefault()} data-testid="risk-period">
                <div>
                  <label for="risk-from">{t('risk.from')}</label>
                  <select id="risk-from" value={String(from)} onChange={(e) => setParams({ from: select(e) })} data-testid="risk-from">
                    {years.map((y) => (
                      <option key={y} value={String(y)}>
                        {y}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label for="risk-to">{t('risk.to')}</label>
                  <select id="risk-to" value={String(to)} onChange={(e) => setParams({ to: select(e) })} data-testid="risk-to">
                    {years.map((y) => (
                      <option key={y} value={String(y)}>
                        {y}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label for="risk-kind">{t('risk.kind')}</label>
                  <select id="risk-kind" value={kindParam} onChange={(e) => setParams({ kind: select(e) })} data-testid="risk-kind">
                    {Object.entries(MAP_KINDS).map(([param, k]) => (
                      <option key={param} value={param}>
                        {t(`kind.${k}` as MessageKey)}
                      </option>
                    ))}
                  </select>
                </div>
              </form>
            )}
            {swapped && <p class="muted">{t('risk.yearsInvalid')}</p>}
          </section>
        )}
      </QueryStatus>
      {ready && (
        <section aria-labelledby="risk-results-heading">
          <h2 id="risk-results-heading">{t('risk.results')}</h2>
          <QueryStatus state={ranking}>
            {(data, done) => {
              if (done.errors.some((e) => REFUSED.has(e.extensions?.code ?? '')) && !data?.riskAnalysis) {
                return (
                  <p class="risk-notice" role="status" data-testid="risk-not-shown">
                    {t('risk.notShown')}
                  </p>
                );
              }
              const scores = data?.riskAnalysis;
              if (!scores) return null;
              return <RiskResults scores={scores} boundaries={boundaries} title={title} indicatorIds={chosen.map((c) => c.indicatorId)} nameOf={nameOf} fileName={`${t('risk.csvName')}-${kindParam}-${from}-${to}`} />;
            }}
          </QueryStatus>
        </section>
      )}
      <QueryBehind document={RiskRankingDocument} variables={variables} />
    </div>
  );
}

function RiskResults({ scores, boundaries, title, indicatorIds, nameOf, fileName }: { scores: RiskScore[]; boundaries: ReturnType<typeof useBoundaries>; title: string; indicatorIds: string[]; nameOf: (id: string) => string; fileName: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const ranked = scores.filter((s) => s.composite != null).length;
  const shownScores = boundaries.state.status === 'done' && boundaries.byId.size > 0 ? scores.filter((s) => boundaries.byId.has(s.areaId)) : scores;
  const classing = useMemo(() => classify(shownScores.flatMap((s) => (s.composite == null ? [] : [s.composite])), 'quantile'), [shownScores]);
  const areas: ChoroplethArea[] = shownScores.map((s) => ({
    id: s.areaId,
    name: s.area.name,
    geometry: boundaries.byId.get(s.areaId) ?? null,
    value: s.composite,
    withheld: false,
    description: s.composite == null ? t('risk.areaNoScore', { area: s.area.name }) : t('risk.areaDescription', { area: s.area.name, value: i18n.number(s.composite, 2), rank: s.rank, total: ranked }),
    href: hrefOf('profile', { area: s.areaId, lang: i18n.language }),
  }));
  return (
    <>
      {boundaries.state.status === 'done' && areas.length > 0 && <ChoroplethFigure areas={areas} classing={classing} title={title} unit={t('risk.compositeUnit')} digits={2} />}
      <RiskTable scores={shownScores} indicatorIds={indicatorIds} nameOf={nameOf} fileName={fileName} />
    </>
  );
}
