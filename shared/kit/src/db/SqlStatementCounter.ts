import type { Logger } from 'typeorm';
import { defaultLogger, type Logger as HubLogger } from '@cswb/contract/logging';
import { SqlLogger } from './SqlLogger';

/**
 * A TypeORM logger that counts the SQL statements a data source sends. Tests and
 * benchmarks use it to prove that a query over N areas costs a constant number of
 * statements. Transaction control (BEGIN/COMMIT/ROLLBACK) is not counted; the audit log's
 * appends (one statement per request, or one for the entries of requests asked at once) and the
 * response cache's one read of the data version per query are counted apart (`auditWrites`,
 * `dataVersionReads`).
 */
export class SqlStatementCounter implements Logger {
  private statements: string[] = [];
  private audits = 0;

  /** `log`: where a failing statement is reported (its class, SQLSTATE and text; never its parameters). */
  private readonly errors: SqlLogger;

  constructor(log: HubLogger = defaultLogger('cswb-sql')) {
    this.errors = new SqlLogger(log);
  }
  private versionReads = 0;

  get auditWrites(): number {
    return this.audits;
  }

  get dataVersionReads(): number {
    return this.versionReads;
  }

  get count(): number {
    return this.statements.length;
  }

  get recorded(): readonly string[] {
    return this.statements;
  }

  reset(): void {
    this.statements = [];
    this.audits = 0;
    this.versionReads = 0;
  }

  logQuery(query: string): void {
    if (/^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK)/i.test(query)) return;
    if (/^\s*INSERT INTO audit_log\b/i.test(query)) {
      this.audits++;
      return;
    }
    if (/^\s*SELECT version::text AS version FROM data_version\b/i.test(query)) {
      this.versionReads++;
      return;
    }
    this.statements.push(query);
  }

  logQueryError(error: string | Error, query: string): void {
    this.errors.logQueryError(error, query);
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
