import { PassThrough } from 'node:stream';
import { readLogConfig } from '@cswb/contract/config';
import { createLogger, describeError, runWithLogContext, type LogFormat } from '@cswb/contract/logging';

/** A logger writing into a string, as a pipe (or, with `isTTY`, a terminal) would receive it. */
function capture(format: LogFormat, options: { isTTY?: boolean; color?: boolean } = {}) {
  const out = Object.assign(new PassThrough(), { isTTY: options.isTTY });
  let written = '';
  out.setEncoding('utf8').on('data', (chunk: string) => (written += chunk));
  const log = createLogger({ service: 'cswb-test', level: 'debug', format, out, color: options.color });
  return { log, written: () => written };
}

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbmFseXN0In0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';

describe('LOG_LEVEL, LOG_FORMAT', () => {
  it('defaults to info; json unless stdout is a terminal; colours only on a terminal without NO_COLOR', () => {
    expect(readLogConfig({}, false)).toEqual({ level: 'info', format: 'json', color: false });
    expect(readLogConfig({}, true)).toEqual({ level: 'info', format: 'pretty', color: true });
    expect(readLogConfig({ NO_COLOR: '1' }, true)).toEqual({ level: 'info', format: 'pretty', color: false });
    expect(readLogConfig({ LOG_FORMAT: 'json', LOG_LEVEL: 'debug' }, true)).toEqual({ level: 'debug', format: 'json', color: true });
    expect(readLogConfig({ LOG_FORMAT: 'pretty' }, false)).toEqual({ level: 'info', format: 'pretty', color: false });
  });

  it('refuses anything else with the variable named', () => {
    expect(() => readLogConfig({ LOG_LEVEL: 'verbose' }, false)).toThrow('LOG_LEVEL: must be one of trace, debug, info, warn, error, got "verbose"');
    expect(() => readLogConfig({ LOG_LEVEL: 'INFO' }, false)).toThrow('LOG_LEVEL: must be one of trace, debug, info, warn, error, got "INFO"');
    expect(() => readLogConfig({ LOG_FORMAT: 'text' }, false)).toThrow('LOG_FORMAT: must be one of json, pretty, got "text"');
  });
});

describe('the logger', () => {
  it('writes one JSON object per line: timestamp, level, msg, service, then the fields; nothing below its level', () => {
    const { log, written } = capture('json');
    log.setLevel('info');
    log.debug('not written');
    log.child({ requestId: 'r-1' }).info({ status: 200 }, 'graphql request');
    const lines = written().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toEqual({ timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), level: 'info', msg: 'graphql request', service: 'cswb-test', requestId: 'r-1', status: 200 });
  });

  it('never writes a credential, whatever key, depth or case it comes under, nor in a message', () => {
    const { log, written } = capture('json');
    log.warn(
      {
        headers: { Authorization: `Bearer ${JWT}`, 'x-cswb-assertion': JWT, cookie: 'session=abc123' },
        token: 'opaque-token-value',
        config: { password: 'hunter2-secret', connectionString: 'host=db password=pw-in-dsn', databaseUrl: 'postgres://app:pw-in-url@db:5432/cswb' },
        nested: [{ deeper: { refreshToken: 'refresh-token-value' } }],
      },
      `connecting to postgres://owner:pw-in-message@db/cswb with Bearer ${JWT}`,
    );
    const text = written();
    for (const secret of ['eyJhbGci', 'abc123', 'opaque-token-value', 'hunter2-secret', 'pw-in-dsn', 'pw-in-url', 'pw-in-message', 'refresh-token-value']) expect(text).not.toContain(secret);
    const line = JSON.parse(text);
    // What is not secret stays readable.
    expect(line.msg).toBe('connecting to postgres://owner:[redacted]@db/cswb with Bearer [redacted]');
    expect(line.config.databaseUrl).toBe('postgres://app:[redacted]@db:5432/cswb');
  });

  it('never writes variables, data, bodies, SQL parameters or what a GraphQL error quotes; counts stay', () => {
    const { log, written } = capture('json');
    log.debug(
      {
        variables: { id: 'MARKER-1' },
        data: { area: { name: 'MARKER-2' } },
        body: '{"variables":{"id":"MARKER-3"}}',
        parameters: ['MARKER-4'],
        detail: 'Key (id)=(MARKER-5) already exists.',
        url: '/graphql?query=%7B__typename%7D&variables=%7B%22id%22%3A%22MARKER-9%22%7D&operationName=Q',
        errors: [{ message: 'Area "MARKER-6" does not exist', path: ['area'], extensions: { code: 'NOT_FOUND', id: 'MARKER-7' } }],
      },
      'Done',
    );
    log.info({ errors: 2 }, 'graphql request');
    expect(written()).not.toContain('MARKER');
    const [debug, info] = written().trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(debug.errors).toEqual([{ path: ['area'], code: 'NOT_FOUND' }]);
    expect(info.errors).toBe(2);
  });

  it("names the request of the log context on lines logged without it", () => {
    const { log, written } = capture('json');
    runWithLogContext({ requestId: 'r-2', traceId: 'a'.repeat(32) }, () => log.info('inside'));
    log.info('outside');
    const [inside, outside] = written().trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(inside).toMatchObject({ requestId: 'r-2', traceId: 'a'.repeat(32) });
    expect(outside.requestId).toBeUndefined();
  });

  it('pretty: colours on a terminal only', () => {
    const pipe = capture('pretty');
    pipe.log.info({ url: 'http://127.0.0.1:4000/graphql' }, 'gateway ready');
    expect(pipe.written()).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INF gateway ready/);
    expect(pipe.written()).not.toContain('\u001b[');
    const terminal = capture('pretty', { isTTY: true });
    terminal.log.info('gateway ready');
    expect(terminal.written()).toContain('\u001b[');
    const noColor = capture('pretty', { isTTY: true, color: false });
    noColor.log.info('gateway ready');
    expect(noColor.written()).not.toContain('\u001b[');
  });

  it("describes an error by class, code and frames, not its message", () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "MARKER-8"'), { code: '22P02' });
    const described = describeError(error);
    expect(described).toEqual({ name: 'Error', code: '22P02', stack: expect.stringMatching(/^at /) });
    expect(JSON.stringify(described)).not.toContain('MARKER');
  });
});
