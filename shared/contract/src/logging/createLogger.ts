import { ConsoleLogWriter, Logger, type LogWriter } from '@graphql-hive/logger';
import type { LogFormat, LogLevel } from '../config';
import { JsonLineWriter } from './JsonLineWriter';
import { RedactingWriter } from './RedactingWriter';

export interface CreateLoggerOptions {
  /** Every line's `service`: `cswb-gateway`, `cswb-<subgraph>`, `cswb`. */
  service: string;
  level: LogLevel;
  /** `json`: one object per line; `pretty`: for a person at a terminal (`readLogConfig` picks). */
  format: LogFormat;
  /** Colours in `pretty` format; never in `json`. Default: only when `out` is a terminal. */
  color?: boolean;
  /** Default: the process's stdout (pretty: warnings and errors on stderr). */
  out?: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * The hub's logger, the one the Hive Gateway runtime writes through too (its `logging` option):
 * every line passes `RedactingWriter`, so no token, assertion, password or record value is
 * written, whatever a caller or the runtime hands it. Per-request lines come from
 * `log.child({ requestId, traceId })`.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const out = options.out ?? process.stdout;
  const writer: LogWriter =
    options.format === 'json'
      ? new JsonLineWriter(out)
      : new ConsoleLogWriter({
          noColor: !(options.color ?? out.isTTY === true),
          console: prettyConsole(out, options.out ? out : process.stderr),
        });
  return new Logger({ level: options.level, writers: [new RedactingWriter(writer)], attrs: { service: options.service } });
}

function prettyConsole(out: NodeJS.WritableStream, errors: NodeJS.WritableStream): Pick<Console, 'debug' | 'info' | 'warn' | 'error'> {
  const line = (stream: NodeJS.WritableStream) => (text: string) => void stream.write(`${text}\n`);
  return { debug: line(out), info: line(out), warn: line(errors), error: line(errors) };
}

/** What a part of the hub logs through when its caller gave it no logger: JSON lines on stdout at `info`. */
export function defaultLogger(service: string): Logger {
  return createLogger({ service, level: 'info', format: 'json' });
}
