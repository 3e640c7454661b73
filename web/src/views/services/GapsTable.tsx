import { CsvExport } from '../../components/CsvExport';
import type { Column } from '../../components/DataTable';
import { DataTable } from '../../components/DataTable';
import { useI18n } from '../../i18n';

export interface GapRow {
  key: string;
  rank: number;
  risk: string;
  area: string;
  frameworkArea: string;
  services: number;
}

/** The hub's gap report for the area: where a priority risk has too few programs answering it, and why. */
export function GapsTable({ rows, fileName }: { rows: GapRow[]; fileName: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const columns: Column<GapRow>[] = [
    { key: 'area', header: t('kind.NEIGHBOURHOOD'), text: (row) => row.area },
    { key: 'risk', header: t('services.col.risk'), text: (row) => t('services.riskRank', { rank: row.rank, risk: row.risk }) },
    { key: 'framework', header: t('field.frameworkArea'), text: (row) => row.frameworkArea },
    { key: 'services', header: t('services.col.services'), numeric: true, text: (row) => i18n.number(row.services, 0) },
    {
      key: 'why',
      header: t('services.col.why'),
      text: (row) => t(row.services === 0 ? 'services.whyNone' : row.services === 1 ? 'services.whyOne' : 'services.whyFew', { count: i18n.number(row.services, 0), risk: row.risk, framework: row.frameworkArea }),
    },
  ];
  if (rows.length === 0) return <p class="muted" data-testid="no-gaps">{t('services.noGaps')}</p>;
  return (
    <>
      <DataTable caption={t('services.gapsCaption', { count: rows.length })} columns={columns} rows={rows} rowKey={(row) => row.key} id="gaps-table" />
      <div class="toolbar">
        <CsvExport columns={columns} rows={rows} fileName={fileName} />
      </div>
    </>
  );
}
