import { type Column, DataTable } from '../../components/DataTable';
import { LineChart, type LineSeries } from '../../components/LineChart';
import { useI18n } from '../../i18n';
import { CellFigure, cellText } from './CellFigure';
import type { CatalogueEntry } from './indicatorData';
import { digitsFor, type ProfileColumn, type ProfileRow } from './profileModel';

/**
 * One indicator of the profile: its definition, source and framework area, a trend chart of the
 * area beside its ward and the city (the area only for counts), and the chart's table twin.
 */
export function IndicatorCard({ indicator, rows, columns, count, frameworkLabel, sectorLabel }: { indicator: CatalogueEntry; rows: ProfileRow[]; columns: ProfileColumn[]; count: boolean; frameworkLabel: string; sectorLabel: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const digits = digitsFor(rows);
  const denied = rows.length > 0 && rows.every((row) => row.cells.every((cell) => cell.denied));
  // A count is charted for one area only: the area itself, or the first of its parents with a
  // figure shown when the area's are all withheld.
  const shownIn = (index: number) => rows.some((row) => !row.cells[index].denied && !row.cells[index].suppressed && row.cells[index].value != null);
  const countIndex = Math.max(0, columns.findIndex((_, index) => shownIn(index)));
  const charted = count ? [countIndex] : columns.map((_, index) => index);
  const series: LineSeries[] = charted.map((index) => ({
    key: columns[index].id,
    label: columns[index].name,
    points: rows.map((row) => ({ x: row.year, value: row.cells[index].denied ? null : (row.cells[index].value ?? null), perturbed: row.cells[index].perturbed, suppressed: row.cells[index].suppressed })),
  }));
  const tableColumns: Column<ProfileRow>[] = [
    { key: 'year', header: t('field.year'), text: (row) => row.year },
    ...columns.map((column, index) => ({
      key: column.id,
      header: column.name,
      numeric: true,
      text: (row: ProfileRow) => cellText(i18n, row.cells[index], digits),
      render: (row: ProfileRow) => <CellFigure cell={row.cells[index]} digits={digits} />,
    })),
  ];
  return (
    <article class="card indicator-card" data-indicator={indicator.id} aria-labelledby={`ind-${indicator.id}`}>
      <h4 id={`ind-${indicator.id}`}>{indicator.name}</h4>
      {denied ? (
        <p class="denied-note" data-testid="not-shown">
          {t('profile.sectorDenied', { sector: sectorLabel })}
        </p>
      ) : (
        <>
          <LineChart series={series} yLabel={indicator.unit} title={indicator.name} xLabels={rows.map((r) => r.year)} markerNote={false} />
          {count && columns.length > 1 && <p class="count-note">{t('profile.countNote', { area: columns[countIndex].name })}</p>}
          <details class="table-twin">
            <summary>{t('table.show')}</summary>
            <DataTable caption={t('profile.indicatorCaption', { indicator: indicator.name, unit: indicator.unit })} columns={tableColumns} rows={rows} rowKey={(row) => row.year} />
          </details>
        </>
      )}
      <dl class="indicator-facts">
        <dt>{t('field.definition')}</dt>
        <dd>{indicator.definition}</dd>
        <dt>{t('field.source')}</dt>
        <dd>{indicator.source}</dd>
        <dt>{t('field.frameworkArea')}</dt>
        <dd>{frameworkLabel}</dd>
        <dt>{t('field.sector')}</dt>
        <dd>{sectorLabel}</dd>
        <dt>{t('field.unit')}</dt>
        <dd>{indicator.unit}</dd>
      </dl>
    </article>
  );
}
