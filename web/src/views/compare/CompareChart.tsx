import { type Column, DataTable } from '../../components/DataTable';
import { LineChart } from '../../components/LineChart';
import { useI18n } from '../../i18n';
import { CellFigure, cellText } from '../profile/CellFigure';
import type { CatalogueEntry, Cell } from '../profile/indicatorData';
import type { CompareColumn } from './compareModel';

interface YearRow {
  year: string;
  cells: Cell[];
}

/** One small multiple: an indicator's trend with one line per area, and its table twin. */
export function CompareChart({ indicator, years, columns, cells, count, digits }: { indicator: CatalogueEntry; years: string[]; columns: CompareColumn[]; cells: Cell[][]; count: boolean; digits: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows: YearRow[] = years.map((year, y) => ({ year, cells: columns.map((_, a) => cells[a][y]) }));
  const series = columns.map((column, a) => ({
    key: column.id,
    label: column.name,
    points: years.map((year, y) => {
      const cell = cells[a][y];
      return { x: year, value: cell.denied ? null : (cell.value ?? null), perturbed: cell.perturbed, suppressed: cell.suppressed };
    }),
  }));
  const tableColumns: Column<YearRow>[] = [
    { key: 'year', header: t('field.year'), text: (row) => row.year },
    ...columns.map((column, a) => ({
      key: column.id,
      header: column.name,
      numeric: true,
      text: (row: YearRow) => cellText(i18n, row.cells[a], digits),
      render: (row: YearRow) => <CellFigure cell={row.cells[a]} digits={digits} />,
    })),
  ];
  const denied = cells.every((byYear) => byYear.every((cell) => cell.denied));
  return (
    <article class="card compare-chart" data-indicator={indicator.id} aria-labelledby={`cmp-${indicator.id}`}>
      <h3 id={`cmp-${indicator.id}`}>{indicator.name}</h3>
      {denied ? (
        <p class="denied-note">{t('marks.notAllowed')}</p>
      ) : (
        <>
          <LineChart series={series} yLabel={indicator.unit} title={indicator.name} xLabels={years} markerNote={false} />
          {count && <p class="count-note">{t('compare.countNote')}</p>}
          <details class="table-twin">
            <summary>{t('table.show')}</summary>
            <DataTable caption={t('profile.indicatorCaption', { indicator: indicator.name, unit: indicator.unit })} columns={tableColumns} rows={rows} rowKey={(row) => row.year} />
          </details>
        </>
      )}
    </article>
  );
}
