import type { Column } from '../../components/DataTable';
import { DataTable } from '../../components/DataTable';
import { CsvExport } from '../../components/CsvExport';
import { Figure, valueText } from '../../components/Figure';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import type { MeasureRow } from './measureRows';

const STATUS_SYMBOL: Record<string, string> = { ACHIEVED: '✔', ON_TRACK: '●', AT_RISK: '▲', OFF_TRACK: '✖', UNKNOWN: '?' };
const TREND_SYMBOL: Record<string, string> = { IMPROVING: '↗', WORSENING: '↘', STABLE: '→', UNKNOWN: '?' };

/** The measures with baseline, target, latest value, trend and status; the CSV writes the same cells. */
export function MeasuresTable({ rows, fileName }: { rows: MeasureRow[]; fileName: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const latestText = (row: MeasureRow): string => {
    if (row.refused) return t('marks.notAllowed');
    if (!row.latest) return t('marks.noData');
    const mark = row.latest.suppressed ? ' ‡' : row.latest.perturbed && row.latest.value != null ? ' †' : '';
    return `${valueText(i18n, row.latest, 2)}${mark} (${row.latest.period})`;
  };
  const seriesText = (row: MeasureRow): string =>
    row.series.map((point) => `${point.period}: ${valueText(i18n, point, 2)}${point.suppressed ? ' ‡' : point.perturbed && point.value != null ? ' †' : ''}`).join('; ');
  const columns: Column<MeasureRow>[] = [
    { key: 'indicator', header: t('scorecard.col.indicator'), text: (row) => row.indicator },
    { key: 'area', header: t('field.area'), text: (row) => row.area },
    { key: 'unit', header: t('field.unit'), text: (row) => row.unit },
    { key: 'baseline', header: t('scorecard.col.baseline'), numeric: true, text: (row) => `${i18n.number(row.baseline, 2)} (${row.baselinePeriod})` },
    { key: 'target', header: t('scorecard.col.target'), numeric: true, text: (row) => `${i18n.number(row.target, 2)} (${row.targetDate})` },
    {
      key: 'latest',
      header: t('scorecard.col.latest'),
      numeric: true,
      text: latestText,
      render: (row) =>
        row.refused ? (
          <span class="not-allowed">{t('marks.notAllowed')}</span>
        ) : row.latest ? (
          <>
            <Figure disclosure={row.latest} digits={2} /> <span class="muted">({row.latest.period})</span>
          </>
        ) : (
          t('marks.noData')
        ),
    },
    { key: 'series', header: t('scorecard.col.series'), text: seriesText },
    {
      key: 'trend',
      header: t('scorecard.col.trend'),
      text: (row) => t(`scorecard.trend.${row.trend}` as MessageKey),
      render: (row) => (
        <span class={`trend trend-${row.trend.toLowerCase()}`}>
          <span class="symbol" aria-hidden="true">{TREND_SYMBOL[row.trend]} </span>
          {t(`scorecard.trend.${row.trend}` as MessageKey)}
        </span>
      ),
    },
    {
      key: 'status',
      header: t('scorecard.col.status'),
      text: (row) => t(`scorecard.progress.${row.progress}` as MessageKey),
      render: (row) => (
        <span class={`status status-${row.progress.toLowerCase().replace('_', '-')}`} data-progress={row.progress}>
          <span class="symbol" aria-hidden="true">{STATUS_SYMBOL[row.progress]} </span>
          {t(`scorecard.progress.${row.progress}` as MessageKey)}
        </span>
      ),
    },
  ];
  if (rows.length === 0) return <p class="muted">{t('scorecard.noMeasures')}</p>;
  return (
    <>
      <DataTable caption={t('scorecard.measuresCaption')} columns={columns} rows={rows} rowKey={(row) => row.id} id="measures-table" />
      <div class="toolbar">
        <CsvExport columns={columns} rows={rows} fileName={fileName} />
      </div>
    </>
  );
}
