import * as fs from 'node:fs';
import { ConfigError } from '@cswb/contract/config';
import { SHARED_IMPORT_DATASETS } from '@cswb/subgraph-kit/areas';
import {
  decodeImportFile,
  fileColumns,
  formatCount,
  formatFor,
  formatReport,
  ImportDataset,
  ImportFileError,
  importEncoding,
  ImportWriter,
  InvalidImportFileError,
  openCsv,
  parseImportFile,
  quoteValue,
  RawRecord,
  RecordValidator,
  ReferenceChecker,
  RejectedRow,
  unknownColumns,
  ValidationResult,
  ValidRow,
  writeRejects,
} from '@cswb/subgraph-kit/import';
import type { SubgraphDefinition } from '@cswb/subgraph-kit/server';
import { discoverSubgraphs } from '../discoverSubgraphs';
import { IMPORT_EXIT } from './importExit';
import { importWholeFile } from './importWholeFile';
import { openSectorDatabase } from './openSectorDatabase';
import { UsageError } from './UsageError';

export { IMPORT_EXIT } from './importExit';

export interface ImportArgs {
  sector?: string;
  dataset?: string;
  file?: string;
  skipInvalid: boolean;
  rejects?: string;
  format?: string;
  encoding?: string;
}

/** How many validation messages to print before summarising the rest. */
const SHOWN_ERRORS = 20;
/** Rows validated, checked and sent to PostgreSQL at a time. */
const SLICE_ROWS = 8192;

/** `cswb import <sector> <dataset> <file>`: validate, stage and merge one file into one table. */
export async function importFile(args: ImportArgs): Promise<number> {
  const started = process.hrtime.bigint();
  const fail = (code: number, message: string) => {
    process.stderr.write(`cswb import: ${message}\n`);
    return code;
  };

  // Every subgraph takes the shared datasets (its copy of the area registry), then its own.
  const subgraphs = discoverSubgraphs();
  const datasets = subgraphs.flatMap(({ definition }) =>
    [...SHARED_IMPORT_DATASETS, ...(definition.importDatasets ?? [])].map((dataset) => ({ definition, dataset })),
  );
  const fileImports = subgraphs.flatMap(({ definition }) => (definition.fileImports ?? []).map((fileImport) => ({ definition, fileImport })));
  const names = [...datasets.map(({ definition, dataset }) => `${definition.name} ${dataset.name}`), ...fileImports.map(({ definition, fileImport }) => `${definition.name} ${fileImport.name}`)];
  const known = `known datasets: ${names.join(', ')}`;
  // The command line's usage error: `cswb` prints it with the command's help, exit 2.
  if (!args.sector || !args.dataset || !args.file) throw new UsageError(`expected <sector> <dataset> <file>; ${known}`);
  const wholeFile = fileImports.find(({ definition, fileImport }) => definition.name === args.sector && fileImport.name === args.dataset);
  if (wholeFile) return importWholeFile(wholeFile.definition as SubgraphDefinition<unknown>, wholeFile.fileImport, { ...args, file: args.file });
  const found = datasets.find(({ definition, dataset }) => definition.name === args.sector && dataset.name === args.dataset);
  if (!found) {
    return fail(IMPORT_EXIT.usage, `unknown dataset "${args.sector} ${args.dataset}"; ${known}`);
  }
  const { definition, dataset } = found;
  const label = `${definition.name}/${dataset.name}`;

  const file = args.file;
  let text: string;
  let format: 'csv' | 'jsonl';
  try {
    format = formatFor(file, args.format);
    const encoding = importEncoding(args.encoding);
    text = decodeImportFile(fs.readFileSync(file), encoding);
  } catch (error) {
    if (error instanceof InvalidImportFileError) return fail(IMPORT_EXIT.invalid, `${file}: ${error.message}; nothing was written`);
    if (error instanceof ImportFileError) return fail(IMPORT_EXIT.usage, `${file}: ${error.message}`);
    return fail(IMPORT_EXIT.usage, `cannot read ${file}: ${(error as Error).message}`);
  }
  // PostgreSQL starts and the migrations are checked while the file is read and validated; an
  // invalid file still writes no row.
  const database = openSectorDatabase(definition as SubgraphDefinition<unknown>);
  const opening = database.opening;
  try {
    return await validateAndMerge();
  } finally {
    await database.close();
  }

  async function validateAndMerge(): Promise<number> {
    let parsed: { format: 'csv' | 'jsonl'; columns: string[]; records: Iterator<RawRecord> };
    try {
      // A CSV file is read a slice of records at a time, as they are validated and written.
      if (format === 'csv') parsed = { format, ...openCsv(text) };
      else {
        const whole = parseImportFile(text, format);
        parsed = { format, columns: whole.columns, records: whole.records[Symbol.iterator]() };
      }
    } catch (error) {
      if (error instanceof InvalidImportFileError) return fail(IMPORT_EXIT.invalid, `${file}: ${error.message}; nothing was written`);
      if (error instanceof ImportFileError) return fail(IMPORT_EXIT.usage, `${file}: ${error.message}`);
      throw error;
    }
    const unknown = unknownColumns(dataset, { format: parsed.format, columns: parsed.columns, records: [] });
    if (unknown.length) {
      const columns = fileColumns(dataset).map((c) => c.name).join(', ');
      return fail(IMPORT_EXIT.usage, `${file}: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map(quoteValue).join(', ')}; ${label} has ${columns}`);
    }
    if (parsed.format === 'csv') {
      const missing = fileColumns(dataset).filter((c) => c.required && !parsed.columns.includes(c.name));
      if (missing.length) {
        return fail(IMPORT_EXIT.invalid, `${file}: line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c.name}"`).join(', ')}; nothing was written`);
      }
    }

    const progress = createProgress(label);
    const records = parsed.records;
    let read = 0;
    let exhausted = false;
    /** The next slice of records (throws InvalidImportFileError where a CSV quote is not closed). */
    const nextRecords = (): RawRecord[] => {
      const slice: RawRecord[] = [];
      while (slice.length < SLICE_ROWS) {
        const next = records.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        slice.push(next.value);
      }
      read += slice.length;
      return slice;
    };
    const validator = new RecordValidator(dataset, parsed.format);
    const validationRejected: RejectedRow[] = [];
    /** The valid rows of the next slice of the file; the invalid ones join validationRejected. */
    const validateSlice = (): ValidRow[] => {
      const slice: ValidationResult = { rows: [], rejected: validationRejected };
      validator.validate(nextRecords(), slice);
      return slice.rows;
    };
    const invalid = (rejected: readonly RejectedRow[]) => {
      const messages = rejected.flatMap((r) => r.reasons);
      const shown = messages.slice(0, SHOWN_ERRORS).join('\n');
      const more = messages.length > SHOWN_ERRORS ? `\n… and ${formatCount(messages.length - SHOWN_ERRORS)} more` : '';
      return fail(
        IMPORT_EXIT.invalid,
        `${file}: ${formatCount(rejected.length)} invalid row${rejected.length > 1 ? 's' : ''}; nothing was written (--skip-invalid writes the valid ones)\n${shown}${more}`,
      );
    };
    // Slices validated while PostgreSQL starts and the migrations are checked wait here.
    const waiting: ValidRow[][] = [];
    let settled = false;
    void opening.then(() => (settled = true));
    const validated = () => progress.line(`validated ${formatCount(read)} rows: ${formatCount(validationRejected.length)} invalid`);

    let writer: ImportWriter | undefined;
    try {
      while (!settled && !exhausted) {
        waiting.push(validateSlice());
        await new Promise(setImmediate);
      }
      const opened = await opening;
      if (opened instanceof Error) {
        // Invalid rows are reported as such whether or not the database could be opened.
        while (!exhausted) validateSlice();
        validated();
        if (validationRejected.length && !args.skipInvalid) return invalid(validationRejected);
        throw opened;
      }
      // Each slice is checked against the database's references and streamed into the table while
      // the next is validated, in one transaction: an invalid row (without --skip-invalid) rolls it
      // back and the rest of the file is only validated, so every message is still reported.
      writer = await ImportWriter.open(opened, dataset as ImportDataset);
      const references = new ReferenceChecker(opened, dataset as ImportDataset);
      const referenceRejected: RejectedRow[] = [];
      /** PostgreSQL refusing a row: reported once the rest of the file is validated, unless invalid rows are. */
      let refusal: unknown;
      let written = 0;
      const take = async (rows: readonly ValidRow[]) => {
        if (!args.skipInvalid && validationRejected.length) {
          // Nothing will be written: only the validation messages are reported, as before any database check.
          await writer?.abort();
          return;
        }
        const reasons = await references.check(rows);
        let good = rows;
        if (reasons.size) {
          good = rows.filter((row) => !reasons.has(row.line));
          for (const row of rows) if (reasons.has(row.line)) referenceRejected.push({ record: row.record, reasons: reasons.get(row.line)! });
        }
        if (!args.skipInvalid && referenceRejected.length) {
          await writer?.abort();
          return;
        }
        if (refusal !== undefined) return;
        try {
          await writer?.write(good);
        } catch (error) {
          refusal = error;
          await writer?.abort();
          return;
        }
        written += good.length;
        progress.update('streaming', written, written);
      };
      for (const rows of waiting.splice(0)) await take(rows);
      while (!exhausted) {
        await take(validateSlice());
        // Lets the socket take the COPY data (and PostgreSQL work on it) between slices.
        await new Promise(setImmediate);
      }
      validated();
      if (validationRejected.length && !args.skipInvalid) return invalid(validationRejected);
      if (refusal !== undefined) throw refusal;
      const rejected = [...validationRejected, ...referenceRejected].sort((a, b) => a.record.line - b.record.line);
      if (referenceRejected.length) {
        const unresolved = referenceRejected.length;
        progress.line(`${formatCount(unresolved)} row${unresolved > 1 ? 's refer' : ' refers'} to a row the database does not have`);
        if (!args.skipInvalid) return invalid(rejected);
      }
      if (rejected.length) {
        const rejectsPath = args.rejects ?? `${file}.rejects.csv`;
        try {
          writeRejects(rejectsPath, dataset, rejected);
        } catch (error) {
          return fail(IMPORT_EXIT.usage, `cannot write rejects to ${rejectsPath}: ${(error as Error).message}`);
        }
        progress.line(`${formatCount(rejected.length)} rejected rows written to ${rejectsPath}`);
      }
      const counts = await writer.finish((phase, done, total) => progress.update(phase, done, total));
      progress.done();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      process.stdout.write(
        `${formatReport({ sector: definition.name, dataset: dataset.name, read, ...counts, rejected: rejected.length, seconds })}\n`,
      );
      return IMPORT_EXIT.imported;
    } catch (error) {
      progress.done();
      if (error instanceof InvalidImportFileError) return fail(IMPORT_EXIT.invalid, `${file}: ${error.message}; nothing was written`);
      if (error instanceof ConfigError) return fail(IMPORT_EXIT.usage, error.message);
      return fail(IMPORT_EXIT.database, `database error, nothing was written: ${(error as Error).message}`);
    } finally {
      // Rolls back unless finish committed (an invalid file, an unwritable rejects file, an error).
      await writer?.abort().catch(() => undefined);
    }
  }
}

interface Progress {
  /** A line of news, on its own line. */
  line(message: string): void;
  update(phase: string, done: number, total: number): void;
  done(): void;
}

/** A progress bar with rows/s on a terminal; plain lines (one per phase) when stderr is not one. */
function createProgress(label: string): Progress {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let lastPhase = '';
  let drawn = false;
  const clear = () => {
    if (drawn) process.stderr.write('\r\x1b[2K');
    drawn = false;
  };
  return {
    line(message) {
      clear();
      process.stderr.write(`${label}: ${message}\n`);
    },
    update(phase, done, total) {
      const rate = Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
      if (tty) {
        const width = 30;
        const filled = total ? Math.round((done / total) * width) : width;
        clear();
        process.stderr.write(
          `${label} ${phase.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${formatCount(done)}/${formatCount(total)} rows ${formatCount(rate)} rows/s`,
        );
        drawn = true;
      } else if (phase !== lastPhase || phase === 'staging') {
        process.stderr.write(`${label}: ${phase} ${formatCount(done)}/${formatCount(total)} rows (${formatCount(rate)} rows/s)\n`);
      }
      lastPhase = phase;
    },
    done() {
      if (tty && drawn) process.stderr.write('\n');
      drawn = false;
    },
  };
}
