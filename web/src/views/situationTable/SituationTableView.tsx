import { useQuery } from '../../api/useQuery';
import { setParams, useRoute } from '../../app/router';
import { useSession } from '../../app/session';
import { CsvExport } from '../../components/CsvExport';
import type { Column } from '../../components/DataTable';
import { DataTable } from '../../components/DataTable';
import { Figure, MarksLegend, valueText } from '../../components/Figure';
import { LineChart } from '../../components/LineChart';
import { QueryBehind } from '../../components/QueryBehind';
import { QueryStatus } from '../../components/QueryStatus';
import { SituationTableAnalyticsViewDocument, SituationTableChoicesDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { type CountRow, CountSection } from './CountSection';
import { periodFromParams, rangeOf } from './period';
import { PeriodPicker } from './PeriodPicker';
import { Summary } from './Summary';
import { defaultYearWindow } from '../../api/years';

const TOP_CATEGORIES = 10;

interface YearRow {
  year: string;
  value: number | null;
  perturbed: boolean;
  suppressed: boolean;
  suppressionReason: string | null;
}

/**
 * Situation Table analytics for roles the hub grants them (scope aggregates:read): one calendar
 * period at a time, as it publishes perturbed counts. Everyone else gets the notice, no figures.
 */
export function SituationTableView() {
  const i18n = useI18n();
  const { t } = i18n;
  const { params } = useRoute();
  const session = useSession();
  // Display only: the hub decides. Without the scope the choices are not asked for at all.
  const mayAsk = session.scopes.includes('aggregates:read');
  const recent = defaultYearWindow();
  const choices = useQuery(SituationTableChoicesDocument, { from: `${recent.first}-01-01`, to: `${recent.last}-12-31` }, { skip: !mayAsk });
  const choicesData = choices.status === 'done' ? choices.data : null;
  const yearly: YearRow[] = (choicesData?.areas[0]?.situationTable?.indicators[0]?.observations ?? []).map((o) => ({ year: o.period.label, value: o.value, perturbed: o.perturbed, suppressed: o.suppressed, suppressionReason: o.suppressionReason }));
  const withData = yearly.filter((row) => row.suppressed || (row.value ?? 0) > 0);
  const years = withData.map((row) => Number(row.year));
  const neighbourhoods = choicesData?.neighbourhoods ?? [];
  const choice = periodFromParams(params, years);
  const areaId = neighbourhoods.some((area) => area.id === params.get('area')) ? params.get('area')! : '';
  const range = rangeOf(choice);
  const variables = { from: range.from, to: range.to, areaId: areaId || null, granularity: range.granularity, language: i18n.apiLanguage };
  const ready = !mayAsk || choices.status !== 'loading';
  const state = useQuery(SituationTableAnalyticsViewDocument, variables, { skip: !ready });
  const refused = state.status === 'done' && !state.data?.situationTableAnalytics && state.errors.some((e) => e.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE' || e.extensions?.code === 'FORBIDDEN');
  if (refused) {
    return (
      <div class="situation-table">
        <p class="notice" role="status" data-testid="not-available">
          {t('situationTable.notAvailable')}
        </p>
      </div>
    );
  }
  const yearColumns: Column<YearRow>[] = [
    { key: 'year', header: t('field.year'), text: (row) => row.year },
    {
      key: 'value',
      header: t('situationTable.discussions'),
      numeric: true,
      text: (row) => `${valueText(i18n, row, 0)}${row.suppressed ? ' ‡' : row.perturbed && row.value != null ? ' †' : ''}`,
      render: (row) => <Figure disclosure={row} digits={0} />,
    },
  ];
  return (
    <div class="situation-table">
      <p class="muted">{t('situationTable.intro')}</p>
      {mayAsk && <PeriodPicker choice={choice} years={years.length ? years : [choice.year]} neighbourhoods={neighbourhoods} areaId={areaId} onChange={(changes) => setParams(changes)} />}
      <QueryStatus state={ready ? state : { status: 'loading' }}>
        {(data) => {
          const analytics = data?.situationTableAnalytics;
          if (!analytics) return null;
          const taxonomy = data.riskFactorTaxonomy;
          const count = <T extends { perturbed: boolean; suppressed: boolean; suppressionReason: string | null }>(row: T, key: string, label: string, value: number | null, detail?: string): CountRow => ({
            key,
            label,
            count: value,
            perturbed: row.perturbed,
            suppressed: row.suppressed,
            suppressionReason: row.suppressionReason,
            detail,
          });
          const periods = analytics.byPeriod.map((row) => count(row, row.period.label, row.period.label, row.discussions));
          const byCount = (a: CountRow, b: CountRow) => (b.count ?? -1) - (a.count ?? -1) || a.label.localeCompare(b.label, i18n.locale);
          const categories = analytics.byRiskCategory
            .map((row) => {
              const info = taxonomy.find((entry) => entry.category === row.category);
              return count(row, row.category, info?.label ?? row.category, row.discussions, info?.factors.map((factor) => factor.label).join('; '));
            })
            .sort(byCount)
            .slice(0, TOP_CATEGORIES);
          const ages = analytics.byAgeGroup.map((row) => count(row, row.ageGroup, t(`situationTable.age.${row.ageGroup}` as MessageKey), row.discussions));
          const agencies = analytics.agenciesMostEngaged.map((row) => count(row, row.agency, t(`situationTable.agency.${row.agency}` as MessageKey), row.engagements));
          const suffix = `${range.from}-${range.to}${areaId ? `-${areaId}` : ''}`;
          return (
            <>
              <Summary analytics={analytics} />
              <CountSection id="st-periods" title={t('situationTable.byPeriod')} countHeader={t('situationTable.discussions')} rows={periods} fileName={`situation-table-periods-${suffix}`} />
              <CountSection id="st-categories" title={t('situationTable.byCategory', { count: TOP_CATEGORIES })} countHeader={t('situationTable.discussionsWith')} rows={categories} detailHeader={t('situationTable.factors')} fileName={`situation-table-risk-categories-${suffix}`} />
              <CountSection id="st-ages" title={t('situationTable.byAge')} countHeader={t('situationTable.aerDiscussions')} rows={ages} fileName={`situation-table-age-groups-${suffix}`} />
              <CountSection id="st-agencies" title={t('situationTable.byAgency')} countHeader={t('situationTable.engagements')} rows={agencies} fileName={`situation-table-agencies-${suffix}`} />
              <MarksLegend />
            </>
          );
        }}
      </QueryStatus>
      {withData.length > 0 && (
        <section aria-labelledby="st-years-title" data-testid="st-years">
          <h2 id="st-years-title">{t('situationTable.trend')}</h2>
          <div class="twin">
            <div class="st-trend">
              <LineChart title={t('situationTable.trend')} yLabel={t('situationTable.discussions')} series={[{ key: 'discussions', label: t('situationTable.discussions'), points: withData.map((row) => ({ x: row.year, value: row.value, perturbed: row.perturbed, suppressed: row.suppressed })) }]} />
            </div>
            <div>
              <DataTable caption={t('situationTable.trendCaption')} columns={yearColumns} rows={withData} rowKey={(row) => row.year} id="st-years-table" />
              <div class="toolbar">
                <CsvExport columns={yearColumns} rows={withData} fileName="situation-table-discussions-by-year" />
              </div>
            </div>
          </div>
        </section>
      )}
      <QueryBehind document={SituationTableAnalyticsViewDocument} variables={variables} />
    </div>
  );
}
