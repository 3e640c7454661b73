import type { Logger } from 'typeorm';

/**
 * A TypeORM logger that counts the SQL statements a data source sends. Tests and
 * benchmarks use it to prove that a query over N areas costs a constant number of
 * statements. Transaction control (BEGIN/COMMIT/ROLLBACK) is not counted, and the audit
 * log's one write per request is counted apart (`auditWrites`).
 */
export class SqlStatementCounter implements Logger {
  private statements: string[] = [];
  private audits = 0;

  get auditWrites(): number {
    return this.audits;
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
  }

  logQuery(query: string): void {
    if (/^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK)/i.test(query)) return;
    if (/^\s*INSERT INTO audit_log\b/i.test(query)) {
      this.audits++;
      return;
    }
    this.statements.push(query);
  }

  logQueryError(error: string | Error, query: string): void {
    process.stderr.write(`SQL error: ${error instanceof Error ? error.message : error}\n  in: ${query}\n`);
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
