import type { Logger as TypeormLogger } from 'typeorm';
import { describeError, type Logger } from '@cswb/contract/logging';

/**
 * TypeORM's messages through the hub's logger: a failing statement as an error line (its class,
 * SQLSTATE and text, never its parameters, which are record values or the caller's input),
 * migrations as debug, TypeORM's warnings as warnings. TypeORM's own console logger would print the
 * parameters, in plain text.
 */
export class SqlLogger implements TypeormLogger {
  constructor(private readonly hubLog: Logger) {}

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    this.hubLog.error({ error: describeError(error), statement: query }, 'SQL error');
  }

  logQuerySlow(time: number, query: string): void {
    this.hubLog.warn({ durationMs: time, statement: query }, 'slow SQL statement');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.hubLog.debug(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.hubLog.warn(String(message));
    else this.hubLog.debug(String(message));
  }
}
