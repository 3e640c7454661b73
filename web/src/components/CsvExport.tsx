import { useI18n } from '../i18n';
import type { Column } from './DataTable';
import { toCsv } from './csv';

/** Downloads exactly the rows and columns the table beside it shows. */
export function CsvExport<Row>({ columns, rows, fileName }: { columns: Column<Row>[]; rows: Row[]; fileName: string }) {
  const { t } = useI18n();
  const download = () => {
    // A byte-order mark so spreadsheet programs read the accents of French labels as UTF-8.
    const blob = new Blob(['\ufeff', toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = `${fileName}.csv`;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" class="secondary" onClick={download} data-testid="csv-export">
      {t('csv.export')}
    </button>
  );
}
