import { BarChart } from '../../components/BarChart';
import { CsvExport } from '../../components/CsvExport';
import type { Column } from '../../components/DataTable';
import { DataTable } from '../../components/DataTable';
import { Figure, valueText } from '../../components/Figure';
import { useI18n } from '../../i18n';

/** One published count with what disclosure control says about it. */
export interface CountRow {
  key: string;
  label: string;
  count: number | null;
  perturbed: boolean;
  suppressed: boolean;
  suppressionReason: string | null;
  /** More words for the table (e.g. a category's risk factors). */
  detail?: string;
}

/** A breakdown as a bar chart, its table twin (with every mark) and the CSV of that table. */
export function CountSection({ id, title, countHeader, rows, detailHeader, fileName }: { id: string; title: string; countHeader: string; rows: CountRow[]; detailHeader?: string; fileName: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const disclosure = (row: CountRow) => ({ value: row.count, perturbed: row.perturbed, suppressed: row.suppressed, suppressionReason: row.suppressionReason });
  const columns: Column<CountRow>[] = [
    { key: 'label', header: title, text: (row) => row.label },
    {
      key: 'count',
      header: countHeader,
      numeric: true,
      text: (row) => `${valueText(i18n, disclosure(row), 0)}${row.suppressed ? ' ‡' : row.perturbed && row.count != null ? ' †' : ''}`,
      render: (row) => <Figure disclosure={disclosure(row)} digits={0} />,
    },
    ...(detailHeader ? [{ key: 'detail', header: detailHeader, text: (row: CountRow) => row.detail ?? '' }] : []),
  ];
  return (
    <section aria-labelledby={`${id}-title`} class="count-section" data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div class="twin">
        <BarChart title={title} digits={0} bars={rows.map((row) => ({ key: row.key, label: row.label, value: row.count, perturbed: row.perturbed, suppressed: row.suppressed, suppressionReason: row.suppressionReason }))} />
        <div>
          <DataTable caption={t('situationTable.tableOf', { title })} columns={columns} rows={rows} rowKey={(row) => row.key} id={`${id}-table`} />
          <div class="toolbar">
            <CsvExport columns={columns} rows={rows} fileName={fileName} />
          </div>
        </div>
      </div>
    </section>
  );
}
