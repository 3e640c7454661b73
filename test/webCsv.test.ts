import { loadWebModule } from './support/webModule';

// Typed here: csv.ts's own imports resolve the bundler's way, not the test project's (node16).
interface CsvModule {
  toCsv<Row>(columns: { key: string; header: string; text: (row: Row) => string }[], rows: Row[]): string;
}
const { toCsv } = loadWebModule<CsvModule>('components/csv.ts');

// The web app's CSV export (web/src/components/csv.ts): RFC 4180, and a cell that a spreadsheet
// would run as a formula is written as text (area and program names come from agencies' data).

interface Row {
  name: string;
  value: string;
}
const columns = [
  { key: 'name', header: 'Area', text: (row: Row) => row.name },
  { key: 'value', header: 'Value, per 1,000', text: (row: Row) => row.value },
];

describe('toCsv', () => {
  it('writes a header row and one line per row, CRLF, quoting commas, quotes and line breaks', () => {
    const csv = toCsv(columns, [
      { name: 'Ward 1', value: '3.4' },
      { name: 'Birch "Old" Hill', value: '1,234' },
      { name: 'Two\nlines', value: '-2.5' },
    ]);
    expect(csv).toBe('Area,"Value, per 1,000"\r\nWard 1,3.4\r\n"Birch ""Old"" Hill","1,234"\r\n"Two\nlines",-2.5\r\n');
  });

  it('keeps a cell that would run as a formula as text, but leaves negative numbers alone', () => {
    const csv = toCsv(columns, [
      { name: '=HYPERLINK("http://evil.example","x")', value: '-3' },
      { name: '+1+cmd', value: '@SUM(A1)' },
      { name: '-x', value: '\t=1' },
    ]);
    expect(csv.split('\r\n').slice(1, 4)).toEqual(['"\'=HYPERLINK(""http://evil.example"",""x"")",-3', "'+1+cmd,'@SUM(A1)", "'-x,'\t=1"]);
  });
});
