import { defineCommand } from './CommandDeclaration';
import { UsageError } from './UsageError';

export const importCommand = defineCommand({
  name: 'import',
  arguments: '<sector> <dataset> <file>',
  summary: "Validate a CSV or JSON lines file and merge it into a sector's table; exit 1 on invalid data, 2 usage, 3 database",
  options: {
    'skip-invalid': { type: 'boolean', default: false, description: 'Write the valid rows; the rejected ones, with the reasons, go to --rejects' },
    rejects: { type: 'string', value: '<path>', description: 'Where the rejected rows go (default <file>.rejects.csv)' },
    format: { type: 'string', value: 'csv|jsonl', description: 'The file format (default: from the extension; .jsonl and .ndjson are JSON lines)' },
    encoding: { type: 'string', value: 'utf-8|latin1|windows-1252', description: 'The encoding the file is read in (default UTF-8, an optional BOM)' },
  },
  details: () => `Loads a CSV file (with a header line) or a JSON lines file (.jsonl, .ndjson) into a sector's
database, merging on each dataset's natural key: importing the same file twice changes nothing.
Every row is validated first. By default the import is all or nothing: one invalid row and no
row is written. With --skip-invalid the valid rows are written and the rejected ones, with the
reasons, go to --rejects (default <file>.rejects.csv), every cell a spreadsheet would run as a
formula prefixed with '. The sector's rollups are refreshed after. A file is read as UTF-8 (an
optional BOM) unless --encoding names another; bytes that are not in the encoding, NUL and other
control characters are refused with their line and column.

\`cswb import planning boundaries <file.geojson>\` takes a GeoJSON FeatureCollection of area
boundaries instead (the area id in each feature's properties.id), imported whole or not at all.

Exit codes: 0 imported; 1 invalid data, nothing written; 2 usage error; 3 database error.
Datasets and their columns: docs/import.md.
`,
  run: ({ values, positionals }) => {
    // Fewer arguments are the import's own usage error: it lists the known datasets.
    if (positionals.length > 3) throw new UsageError('expected <sector> <dataset> <file>');
    const [sector, dataset, file] = positionals;
    return (require('./import') as typeof import('./import')).importFile({
      sector,
      dataset,
      file,
      skipInvalid: values['skip-invalid'],
      rejects: values.rejects,
      format: values.format,
      encoding: values.encoding,
    });
  },
});
