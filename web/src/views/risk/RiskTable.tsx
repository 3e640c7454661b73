import { hrefOf, onLinkClick } from '../../app/router';
import { CsvExport } from '../../components/CsvExport';
import { type Column, DataTable } from '../../components/DataTable';
import { Figure, MarksLegend, valueText } from '../../components/Figure';
import type { RiskRankingQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';

export type RiskScore = NonNullable<RiskRankingQuery['riskAnalysis']>[number];

/** The ranking with its "why": each indicator's value and part in the composite; the CSV is this table. */
export function RiskTable({ scores, indicatorIds, nameOf, fileName }: { scores: RiskScore[]; indicatorIds: string[]; nameOf: (id: string) => string; fileName: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const contributionOf = (score: RiskScore, id: string) => score.contributions.find((c) => c.indicatorId === id);
  const number = (value: number | null | undefined, digits: number) => (value == null ? t('marks.noData') : i18n.number(value, digits));
  const main = (score: RiskScore) => {
    const largest = score.contributions.filter((c) => c.contribution != null).sort((a, b) => b.contribution! - a.contribution!)[0];
    return largest ? nameOf(largest.indicatorId) : '';
  };
  const columns: Column<RiskScore>[] = [
    {
      key: 'area',
      header: t('field.area'),
      text: (s) => s.area.name,
      render: (s) => (
        <a href={hrefOf('profile', { area: s.areaId, lang: i18n.language })} onClick={onLinkClick}>
          {s.area.name}
        </a>
      ),
    },
    { key: 'rank', header: t('risk.rank'), text: (s) => (s.composite == null ? '' : String(s.rank)), numeric: true },
    { key: 'composite', header: t('risk.composite'), text: (s) => number(s.composite, 2), numeric: true },
    { key: 'main', header: t('risk.mainReason'), text: main },
    ...indicatorIds.flatMap((id): Column<RiskScore>[] => [
      {
        key: `value-${id}`,
        header: t('risk.valueOf', { indicator: nameOf(id) }),
        text: (s) => valueText(i18n, { value: contributionOf(s, id)?.value, suppressed: contributionOf(s, id)?.value == null }),
        render: (s) => <Figure disclosure={{ value: contributionOf(s, id)?.value, suppressed: contributionOf(s, id)?.value == null }} />,
        numeric: true,
      },
      { key: `part-${id}`, header: t('risk.partOf', { indicator: nameOf(id) }), text: (s) => number(contributionOf(s, id)?.contribution, 2), numeric: true },
    ]),
  ];
  return (
    <div class="risk-table">
      <DataTable caption={t('risk.table.caption')} columns={columns} rows={scores} rowKey={(s) => s.areaId} id="risk-table" />
      <p class="muted">{t('risk.help')}</p>
      <MarksLegend />
      <div class="toolbar">
        <CsvExport columns={columns} rows={scores} fileName={fileName} />
      </div>
    </div>
  );
}
