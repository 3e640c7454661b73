import type { ComponentChildren } from 'preact';

export interface Column<Row> {
  key: string;
  header: string;
  /** What the cell shows; also what the CSV export writes, unless `csv` says otherwise. */
  text: (row: Row) => string;
  /** Richer cell content (marks, links); the text is still what is exported. */
  render?: (row: Row) => ComponentChildren;
  numeric?: boolean;
}

/** A plain, accessible table: the twin of every chart and map, and what CSV export writes. */
export function DataTable<Row>({ caption, columns, rows, rowKey, id }: { caption: string; columns: Column<Row>[]; rows: Row[]; rowKey: (row: Row) => string; id?: string }) {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column.key} class={column.numeric ? 'numeric' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) =>
                index === 0 ? (
                  <th scope="row" key={column.key}>
                    {column.render ? column.render(row) : column.text(row)}
                  </th>
                ) : (
                  <td key={column.key} class={column.numeric ? 'numeric' : undefined}>
                    {column.render ? column.render(row) : column.text(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
