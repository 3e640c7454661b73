/** What replaces a secret or a record value in a log line. */
export const REDACTED = '[redacted]';

/**
 * Keys whose values are never logged, at any depth, in any case: credentials (the client's
 * token, the gateway's assertions, passwords, cookies, connection strings) and anything that
 * carries record values or what a client asked with (GraphQL variables, result data, request
 * bodies, SQL parameters, PostgreSQL's `detail`, which quotes the offending row).
 */
const SECRET_KEY = /(authorization|cookie|token|password|passwd|secret|assertion|credential|apikey|api_key|connectionstring|connection_string|dsn)$/i;
const VALUE_KEYS = new Set(['variables', 'data', 'body', 'parameters', 'params', 'detail', 'result', 'results', 'rows', 'values', 'object', 'driverError']);

const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
/** A JWT (header.payload.signature, base64url, the header starting `{"`): tokens and assertions. */
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
/** The password of a URL's userinfo (`postgres://user:password@host`). */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi;
/** GraphQL variables and extensions in a query string (a GET of /graphql). */
const QUERY_STRING_VALUES = /([?&](?:variables|extensions)=)[^&\s"]*/gi;

/** A string with bearer tokens, JWTs, URL passwords and query-string variables replaced. */
export function redactText(text: string): string {
  return text
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(URL_PASSWORD, `$1:${REDACTED}@`)
    .replace(QUERY_STRING_VALUES, `$1${REDACTED}`);
}

function isRedactedKey(key: string): boolean {
  return SECRET_KEY.test(key) || VALUE_KEYS.has(key);
}

/**
 * GraphQL errors (a result the runtime logs at debug): their path and code only. A message or
 * an extension can quote what the caller asked for (`Area "<id>" does not exist`).
 */
function graphqlErrorSummary(error: unknown): unknown {
  if (error === null || typeof error !== 'object') return REDACTED;
  const { path, extensions } = error as { path?: unknown; extensions?: { code?: unknown } };
  return {
    ...(Array.isArray(path) ? { path: path.filter((step) => typeof step === 'string' || typeof step === 'number') } : {}),
    ...(typeof extensions?.code === 'string' ? { code: extensions.code } : {}),
  };
}

/**
 * A copy of a log line's fields with every secret and record value replaced (the input is left
 * as it is: it may be the caller's own object). Numbers and booleans under those keys stay (a
 * count of errors is not a record). Bounded in depth; cycles are cut.
 */
export function redactLogFields(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[too deep]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactLogFields(item, depth + 1, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || field === null || typeof field === 'number' || typeof field === 'boolean') copy[key] = field;
    else if (isRedactedKey(key)) copy[key] = REDACTED;
    else if (key === 'errors' && Array.isArray(field)) copy[key] = field.map(graphqlErrorSummary);
    else copy[key] = redactLogFields(field, depth + 1, seen);
  }
  return copy;
}
