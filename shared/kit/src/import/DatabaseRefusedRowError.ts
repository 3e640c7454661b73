import { InvalidImportFileError } from './parseImportFile';

/** SQLSTATE classes of a value or a row PostgreSQL refuses: data exceptions (22) and integrity constraint violations (23). */
const REFUSED_DATA = /^2[23]/;
/** The context PostgreSQL gives an error inside `COPY` (English messages): the COPY's line, and the column if one was at fault. */
const COPY_CONTEXT = /^COPY [^,]+, line (\d+)(?:, column ([^:]+))?/;

/**
 * A row validation let through that PostgreSQL refused (a constraint the dataset does not
 * declare, a value out of range for the column's type): invalid data like any other, so nothing
 * is written and the import exits 1, with PostgreSQL's own message and, where the refusal came
 * from a COPY, the row's line in the file.
 */
export class DatabaseRefusedRowError extends InvalidImportFileError {
  /**
   * `error` as a DatabaseRefusedRowError when it is PostgreSQL refusing data, else undefined.
   * `lineOfCopyRow(n)`: the file's line of the n-th row (from 1) of the COPY that failed.
   */
  static from(error: unknown, lineOfCopyRow: (row: number) => number | undefined): DatabaseRefusedRowError | undefined {
    const { code, where, message } = postgresFields(error);
    if (!code || !REFUSED_DATA.test(code) || !message) return undefined;
    const context = where ? COPY_CONTEXT.exec(where) : null;
    const line = context ? lineOfCopyRow(Number(context[1])) : undefined;
    if (line === undefined) return new DatabaseRefusedRowError(`the database refused a row: ${message}`);
    const column = context?.[2];
    return new DatabaseRefusedRowError(
      column ? `line ${line}, column "${column}": the database refused the value: ${message}` : `line ${line}: the database refused the row: ${message}`,
    );
  }
}

/** The SQLSTATE, context and message of a node-postgres error, also when TypeORM wraps it. */
function postgresFields(error: unknown): { code?: string; where?: string; message?: string } {
  if (typeof error !== 'object' || error === null) return {};
  const driver = (error as { driverError?: unknown }).driverError;
  const source = (typeof driver === 'object' && driver !== null ? driver : error) as { code?: unknown; where?: unknown; message?: unknown };
  return {
    code: typeof source.code === 'string' ? source.code : undefined,
    where: typeof source.where === 'string' ? source.where : undefined,
    message: typeof source.message === 'string' ? source.message : undefined,
  };
}
