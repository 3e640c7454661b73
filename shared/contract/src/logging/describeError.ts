/**
 * What a log line keeps of an error thrown while serving a request: its class, its code
 * (PostgreSQL's SQLSTATE, a Node error code, `extensions.code`) and where it was thrown. Not its
 * message: an unexpected error's message (SQL, bugs) can quote record values or the caller's input.
 */
export function describeError(error: unknown): { name: string; code?: string; stack?: string } {
  if (!(error instanceof Error)) return { name: typeof error };
  const code = (error as { code?: unknown }).code ?? (error as { extensions?: { code?: unknown } }).extensions?.code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim());
  // Its class: pg's errors are all named "error", their class is DatabaseError.
  const className = error.constructor?.name;
  return {
    name: className && className !== 'Error' ? className : error.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    ...(frames.length ? { stack: frames.join('\n') } : {}),
  };
}
