import * as fs from 'node:fs';
import { ConfigError } from '@cswb/contract/config';
import { decodeImportFile, FileImport, formatReport, ImportFileError, importEncoding, InvalidImportFileError } from '@cswb/subgraph-kit/import';
import type { SubgraphDefinition } from '@cswb/subgraph-kit/server';
import { IMPORT_EXIT } from './importExit';
import { openSectorDatabase } from './openSectorDatabase';

/**
 * `cswb import <sector> <name> <file>` of a whole file the sector reads itself (a GeoJSON
 * FeatureCollection): all or nothing, so --skip-invalid does not apply.
 */
export async function importWholeFile(
  definition: SubgraphDefinition<unknown>,
  fileImport: FileImport,
  args: { file: string; skipInvalid: boolean; encoding?: string },
): Promise<number> {
  const started = process.hrtime.bigint();
  const { file } = args;
  const fail = (code: number, message: string) => {
    process.stderr.write(`cswb import: ${message}\n`);
    return code;
  };
  if (args.skipInvalid) return fail(IMPORT_EXIT.usage, `--skip-invalid does not apply to ${definition.name} ${fileImport.name}: the file is imported whole or not at all`);
  let text: string;
  try {
    text = decodeImportFile(fs.readFileSync(file), importEncoding(args.encoding));
  } catch (error) {
    if (error instanceof InvalidImportFileError) return fail(IMPORT_EXIT.invalid, `${file}: ${error.message}; nothing was written`);
    if (error instanceof ImportFileError) return fail(IMPORT_EXIT.usage, `${file}: ${error.message}`);
    return fail(IMPORT_EXIT.usage, `cannot read ${file}: ${(error as Error).message}`);
  }
  const database = openSectorDatabase(definition);
  try {
    const db = await database.opening;
    if (db instanceof Error) throw db;
    const counts = await fileImport.importText(db, text);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stdout.write(`${formatReport({ sector: definition.name, dataset: fileImport.name, ...counts, rejected: 0, seconds })}\n`);
    return IMPORT_EXIT.imported;
  } catch (error) {
    if (error instanceof InvalidImportFileError) {
      // The first line says what is wrong, the next ones (if any) list each problem.
      const [head, ...problems] = error.message.split('\n');
      return fail(IMPORT_EXIT.invalid, [`${file}: ${head}; nothing was written`, ...problems].join('\n'));
    }
    if (error instanceof ConfigError) return fail(IMPORT_EXIT.usage, error.message);
    return fail(IMPORT_EXIT.database, `database error, nothing was written: ${(error as Error).message}`);
  } finally {
    await database.close();
  }
}
