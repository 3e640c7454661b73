import { gzipSync } from 'node:zlib';
import { Random } from '@cswb/subgraph-kit/synthetic';

/** One malformed (or merely odd) HTTP request for a GraphQL endpoint. */
export interface FuzzRequest {
  kind: FuzzClass;
  method: string;
  /** Path and query string, appended to the endpoint's `/graphql`. */
  search: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export const FUZZ_CLASSES = ['document', 'get-parameters', 'body', 'encoding', 'content-type', 'method', 'token'] as const;
export type FuzzClass = (typeof FUZZ_CLASSES)[number];

const JSON_TYPE = { 'content-type': 'application/json' };

const FRAGMENTS = [
  '{', '}', '(', ')', '[', ']', ':', '$', '@', '!', '...', '=', '|', '&', '"', '"""', '#', ',', '\\u0000', '\u0000', '\uFFFF', '\uD800',
  'query', 'mutation', 'subscription', 'fragment', 'on', 'schema', 'type', 'areas', 'area', 'id', 'name', 'kind', 'WARD', '__typename',
  '__schema', '__type', 'true', 'null', '1e999', '-0', '0x10', '"\\uZZZZ"', '"unterminated', 'é', '😀', '\r\n', '\t', ' ', '@include(if: $x)',
  '@skip', 'directive', 'extend', 'input', 'enum', 'scalar', 'interface', 'union', 'implements', 'repeatable', '$var: Int = ', 'policeOccurrences',
];

/** A document assembled from GraphQL's own tokens and a few hostile characters, or nesting far past any limit. */
function document(random: Random): string {
  switch (random.int(0, 5)) {
    case 0:
      return Array.from({ length: random.int(1, 40) }, () => random.pick(FRAGMENTS)).join(random.pick(['', ' ', '\n']));
    case 1: {
      const depth = random.pick([50, 500, 5_000, 20_000]);
      return `${'{ areas { '.repeat(depth)}id${' }'.repeat(depth)}`;
    }
    case 2: {
      const depth = random.pick([1_000, 10_000, 50_000]);
      return `query { areas(kind: ${'['.repeat(depth)}WARD${']'.repeat(depth)}) { id } }`;
    }
    case 3:
      return `fragment A on Query { ...B } fragment B on Query { ...A } query { ...A }`;
    case 4:
      return `{ ${Array.from({ length: random.int(1, 300) }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    default:
      return `{ areas(kind: ${random.pick(['WARD', '"WARD"', '1', 'null', '$undefined', '{a: 1}', '[WARD]'])}) { ${random.pick(['id', 'nope', '__typename', 'id(x: 1)', '...on Area { id }'])} } }`;
  }
}

function deepJson(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

const PARAMETER_VALUES = [
  '%7B', '%7D', 'x', '', '%', '%ZZ', '%C0%80', '%FF%FE', '%ED%A0%80', 'null', 'true', '1', '[]', '[1,2]', '"str"', '{"a":', '{"a":1}',
  '%00', '{}', '%7B%22a%22%3A%7B%22b%22%3A', encodeURIComponent(deepJson(10_000)), 'a'.repeat(10_000),
];

function getParameters(random: Random): FuzzRequest {
  const names = ['query', 'variables', 'extensions', 'operationName', 'documentId'];
  const parts = Array.from({ length: random.int(1, 4) }, () => {
    const name = random.pick(names);
    const value = random.next() < 0.3 && name === 'query' ? encodeURIComponent(document(random).replace(/[\uD800-\uDFFF]/g, '?')) : random.pick(PARAMETER_VALUES);
    return `${name}=${value}`;
  });
  if (random.next() < 0.5) parts.push('query=%7B__typename%7D');
  if (random.next() < 0.2) parts.push(parts[0]);
  return { kind: 'get-parameters', method: 'GET', search: `?${parts.join('&')}`, headers: { 'apollo-require-preflight': 'true', accept: random.pick(['application/json', 'application/graphql-response+json', '*/*', 'application/json;q=0.5, x/y', 'x/y']) } };
}

function body(random: Random): FuzzRequest {
  const choices: (() => string | Buffer)[] = [
    () => '',
    () => '{',
    () => '{"query":',
    () => 'null',
    () => '"query"',
    () => '42',
    () => '[]',
    () => JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    () => JSON.stringify({ query: random.pick([1, null, true, [], {}, ['{ __typename }']]) }),
    () => JSON.stringify({ query: '{ __typename }', variables: random.pick(['x', 1, [], true, '{"a":1}']) }),
    () => JSON.stringify({ query: '{ __typename }', extensions: random.pick(['x', 1, [], { persistedQuery: 'x' }, { persistedQuery: { sha256Hash: 1, version: 'x' } }]) }),
    () => JSON.stringify({ query: '{ __typename }', operationName: random.pick([1, [], {}, true, 'nope']) }),
    () => JSON.stringify({ documentId: random.pick([1, [], {}, 'sha256:nope', '']) }),
    () => `{"query":"{ __typename }","variables":${deepJson(random.pick([1_000, 100_000]))}}`,
    () => `{"query":"query($a: [[Int]]) { __typename }","variables":{"a":${deepJson(random.pick([1_000, 100_000]))}}}`,
    () => `{"query":"{ __typename }","__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}`,
    () => JSON.stringify({ query: `{ __typename ${'#'.repeat(random.int(1, 50_000))} }` }),
    () => Buffer.alloc(random.pick([1_100_000, 3_000_000]), 0x20),
    () => `{"query":"{ __typename }"}${'x'.repeat(random.int(1, 10))}`,
    () => `{"query":"{ __typename }","query":"{ areas { id } }"}`,
  ];
  const chosen = random.pick(choices)();
  return { kind: 'body', method: 'POST', search: '', headers: { ...JSON_TYPE }, body: Buffer.isBuffer(chosen) ? chosen : Buffer.from(chosen) };
}

let zipBomb: Buffer | undefined;

function encoding(random: Random): FuzzRequest {
  const valid = Buffer.from(JSON.stringify({ query: '{ __typename }' }));
  const choices: (() => FuzzRequest)[] = [
    () => ({ kind: 'encoding', method: 'POST', search: '', headers: JSON_TYPE, body: Buffer.concat([Buffer.from('{"query":"{ __typename } #'), Buffer.from([random.pick([0xff, 0xc0, 0xed, 0x80]), 0x80, 0x22, 0x7d])]) }),
    () => ({ kind: 'encoding', method: 'POST', search: '', headers: JSON_TYPE, body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), valid]) }),
    () => ({ kind: 'encoding', method: 'POST', search: '', headers: { 'content-type': 'application/json; charset=utf-16le' }, body: Buffer.from(valid.toString(), 'utf16le') }),
    () => ({ kind: 'encoding', method: 'POST', search: '', headers: { 'content-type': `application/json; charset=${random.pick(['latin1', 'x-unknown', 'utf-7', ''])}` }, body: valid }),
    () => ({ kind: 'encoding', method: 'POST', search: '', headers: { ...JSON_TYPE, 'content-encoding': random.pick(['gzip', 'br', 'deflate', 'compress', 'x-unknown', 'gzip, gzip', 'identity, gzip']) }, body: valid }),
    () => ({ kind: 'encoding', method: 'POST', search: '', headers: { ...JSON_TYPE, 'content-encoding': 'gzip' }, body: gzipSync(valid) }),
    // A "zip bomb": a small body that inflates to megabytes.
    () => ({ kind: 'encoding', method: 'POST', search: '', headers: { ...JSON_TYPE, 'content-encoding': 'gzip' }, body: (zipBomb ??= gzipSync(Buffer.alloc(20_000_000, 0x20))) }),
    () => ({ kind: 'encoding', method: 'GET', search: `?query=${random.pick(['%FF', '%C3%28', '%ED%A0%80', '%F4%90%80%80'])}`, headers: { 'apollo-require-preflight': 'true' } }),
  ];
  return random.pick(choices)();
}

function contentType(random: Random): FuzzRequest {
  const type = random.pick([
    'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', 'application/xml', 'a/b/c', ';;;',
    'application/json;', 'APPLICATION/JSON', 'application/json; charset', '*/*', 'application/graphql-response+json', 'x'.repeat(2_000),
  ]);
  const payload = random.pick([JSON.stringify({ query: '{ __typename }' }), 'query=%7B__typename%7D', '{ __typename }', '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--x--\r\n']);
  const headers: Record<string, string> = { 'content-type': type };
  if (random.next() < 0.3) headers['apollo-require-preflight'] = 'true';
  return { kind: 'content-type', method: 'POST', search: '', headers, body: Buffer.from(payload) };
}

function method(random: Random): FuzzRequest {
  const verb = random.pick(['PUT', 'DELETE', 'PATCH', 'HEAD', 'TRACE', 'PROPFIND', 'FOO', 'OPTIONS', 'GET', 'POST']);
  const hasBody = !['GET', 'HEAD', 'TRACE'].includes(verb);
  return {
    kind: 'method',
    method: verb,
    search: random.next() < 0.5 ? '?query=%7B__typename%7D' : '',
    headers: { ...JSON_TYPE, ...(verb === 'GET' || verb === 'HEAD' ? { 'apollo-require-preflight': 'true' } : {}) },
    body: hasBody ? Buffer.from(JSON.stringify({ query: 'mutation { __typename }' })) : undefined,
  };
}

function token(random: Random, validToken: string): FuzzRequest {
  const [header, payload, signature] = validToken.split('.');
  const forms = [
    `${validToken}==`, `${header}=.${payload}.${signature}`, `${header}.${payload}.${signature.replace(/-/g, '+').replace(/_/g, '/')}`, `${validToken}.`,
    `${header}.${payload}`, `${header}..${signature}`, `${'a'.repeat(random.pick([9_000, 15_000]))}`, `${header}.${payload}.${signature}${random.pick(['A', 'Q', 'x'])}`,
    '..', '', '\u00e9\u00e9', `${header}.${'e30'}.${signature}`, Buffer.from(deepJson(5_000)).toString('base64url'),
    // A signature with no `-` or `_` (about one in four) is unchanged by the `+`/`/` spelling: that is the valid token, not a malformed one.
  ].filter((form) => form !== validToken);
  const scheme = random.pick(['Bearer ', 'bearer ', 'Bearer  ', 'Basic ', '', 'Bearer\t']);
  return {
    kind: 'token',
    method: 'POST',
    search: '',
    headers: { ...JSON_TYPE, authorization: `${scheme}${random.pick(forms)}`.replace(/[^\t\x20-\x7e]/g, '?') },
    body: Buffer.from(JSON.stringify({ query: '{ areas(kind: MUNICIPALITY) { id } }' })),
  };
}

/** `count` requests spread over every class, the same ones for the same seed. */
export function fuzzRequests(seed: number, count: number, validToken: string, classes: readonly FuzzClass[] = FUZZ_CLASSES): FuzzRequest[] {
  const random = Random.forStream(seed, 'fuzz');
  return Array.from({ length: count }, (_, i) => {
    const kind = classes[i % classes.length];
    switch (kind) {
      case 'document':
        return { kind, method: 'POST', search: '', headers: { ...JSON_TYPE }, body: Buffer.from(JSON.stringify({ query: document(random) })) };
      case 'get-parameters':
        return getParameters(random);
      case 'body':
        return body(random);
      case 'encoding':
        return encoding(random);
      case 'content-type':
        return contentType(random);
      case 'method':
        return method(random);
      case 'token':
        return token(random, validToken);
    }
  });
}

/** Text an answer must never contain: stack frames, source paths, engine internals, SQL. */
export const INTERNAL_TEXT = [
  /\bat [\w.<>]+ \(/,
  /\bat (async )?\/|node:internal/,
  /\/(work|home|usr|app|tmp)\//,
  /node_modules/,
  /\.[cm]?[jt]s:\d+/,
  /Maximum call stack/i,
  /\b(TypeError|ReferenceError|RangeError|SyntaxError: Unexpected token)\b/,
  /\bselect\b[^"]*\bfrom\b|\binsert into\b|\brelation "|QueryFailedError|violates .* constraint/i,
];
