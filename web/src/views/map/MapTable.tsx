import { hrefOf, onLinkClick } from '../../app/router';
import { CsvExport } from '../../components/CsvExport';
import { type Column, DataTable } from '../../components/DataTable';
import { Figure, MarksLegend, markText, valueText } from '../../components/Figure';
import { useI18n } from '../../i18n';
import type { MapRow } from './mapRows';

/** The map's twin: every drawn area with its value, mark and rank; the CSV is exactly this table. */
export function MapTable({ rows, caption, fileName }: { rows: MapRow[]; caption: string; fileName: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const valueOf = (row: MapRow) => (row.notAllowed ? t('marks.notAllowed') : valueText(i18n, row));
  const columns: Column<MapRow>[] = [
    {
      key: 'area',
      header: t('field.area'),
      text: (row) => row.name,
      render: (row) => (
        <a href={hrefOf('profile', { area: row.id, lang: i18n.language })} onClick={onLinkClick}>
          {row.name}
        </a>
      ),
    },
    { key: 'value', header: t('field.value'), text: valueOf, render: (row) => (row.notAllowed ? <span class="figure withheld">{t('marks.notAllowed')}</span> : <Figure disclosure={row} />), numeric: true },
    { key: 'mark', header: t('field.mark'), text: (row) => (row.notAllowed ? '' : markText(t, row)) },
    { key: 'rank', header: t('map.column.rank'), text: (row) => (row.rank === undefined ? '' : String(row.rank)), numeric: true },
  ];
  return (
    <div class="map-table">
      <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.id} id="map-table" />
      <MarksLegend />
      <div class="toolbar">
        <CsvExport columns={columns} rows={rows} fileName={fileName} />
      </div>
    </div>
  );
}
