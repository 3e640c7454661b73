import type { Column } from './DataTable';

function escapeCell(text: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet: kept as text.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Exactly what a table shows, as RFC 4180 CSV (header row, CRLF line ends). */
export function toCsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  const lines = [columns.map((c) => escapeCell(c.header)), ...rows.map((row) => columns.map((c) => escapeCell(c.text(row))))];
  return `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
