import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { jwtVerify } from 'jose';
import { PROJECT_ROOT } from '@cswb/cli';
import { documentHash, loadWebApp, type WebApp } from '@cswb/gateway';
import { startTestStack, type TestStack } from '@cswb/testing/stack';
import { TEST_AUDIENCE, TEST_ISSUER, TEST_JWT_SECRET } from '@cswb/testing/tokens';

// How the gateway serves the planner's web app (a copy of the built web/dist, so a rebuild during
// the run changes nothing) and the development sign-in beside it.

const BUILT_APP = path.join(PROJECT_ROOT, 'web', 'dist');
const ROLES = ['public', 'planner', 'sector-analyst', 'situation-table', 'auditor', 'data-steward'];
/** Beside the served directory: no request may ever read it. */
const SENTINEL = `outside-the-app-${process.pid}-${Date.now()}`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-webapp-'));
const appDir = path.join(work, 'dist');
let stack: TestStack;
let base: string;
let sectors: string[];

beforeAll(async () => {
  fs.cpSync(BUILT_APP, appDir, { recursive: true });
  for (const name of ['package.json', 'secret.txt', 'index.js']) fs.writeFileSync(path.join(work, name), SENTINEL);
  fs.writeFileSync(path.join(appDir, 'assets', 'nested-secret'), SENTINEL); // no extension, under assets/: served as a file only by exact name
  stack = await startTestStack('webapp', { WEB_APP_DIR: appDir });
  base = stack.gateway.url.replace(/\/graphql$/, '');
  sectors = stack.gateway.subgraphs.map((s) => s.name).filter((name) => name !== 'planning');
});
afterAll(async () => {
  await stack?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with its path sent byte for byte (fetch and URL would normalize `..` and `%2e%2e` away). */
function send(url: string, rawPath: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: target.hostname, port: target.port, path: rawPath, method: init.method ?? 'GET', headers: init.body !== undefined ? { 'content-length': String(Buffer.byteLength(init.body)), ...init.headers } : init.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });
}

const get = (rawPath: string, headers?: Record<string, string>) => send(base, rawPath, { headers });
const indexHtml = () => fs.readFileSync(path.join(appDir, 'index.html'), 'utf8');
const assets = () => fs.readdirSync(path.join(appDir, 'assets')).filter((name) => /\.(js|css)$/.test(name));

function expectAppHeaders(answer: Answer): void {
  const csp = String(answer.headers['content-security-policy']);
  for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
    expect(csp.split('; ')).toContain(directive);
  }
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers['referrer-policy']).toBe('no-referrer');
}

describe('the app at /', () => {
  it.each(['/', '/map?x=1', '/profile', '/situation-table?area=ward-3&lang=fr', '/map/'])('answers the app’s index.html at %s, with its CSP and nosniff, never cached stale', async (url) => {
    const answer = await get(url);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.body).toBe(indexHtml());
    expectAppHeaders(answer);
    expect(answer.headers['cache-control']).toBe('no-cache');
  });

  it('serves every built asset by its exact name, cached for a year as immutable, with its type', async () => {
    expect(assets().length).toBeGreaterThanOrEqual(2);
    for (const name of assets()) {
      const answer = await get(`/assets/${name}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toBe(fs.readFileSync(path.join(appDir, 'assets', name), 'utf8'));
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(answer.headers['content-type']).toBe(name.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8');
      expectAppHeaders(answer);
      const again = await get(`/assets/${name}`, { 'if-none-match': String(answer.headers.etag) });
      expect([again.status, again.body]).toEqual([304, '']);
    }
    const head = await send(base, `/assets/${assets()[0]}`, { method: 'HEAD' });
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', String(fs.statSync(path.join(appDir, 'assets', assets()[0])).size)]);
  });

  it('serves the app\'s persisted documents as JSON (the text behind each view\'s "query behind this view")', async () => {
    const answer = await get('/persisted-documents.json');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(JSON.parse(answer.body)).toEqual(JSON.parse(fs.readFileSync(path.join(appDir, 'persisted-documents.json'), 'utf8')));
  });

  it('answers 404 for a missing asset or file (not the app)', async () => {
    for (const url of ['/assets/nope.js', '/assets/nope', '/favicon.ico', '/index.js']) {
      const answer = await get(url);
      expect([url, answer.status]).toEqual([url, 404]);
      expect(answer.body).not.toContain('<html');
      expect(answer.body).not.toContain(SENTINEL);
    }
  });

  const attempts = [
    '/assets/../package.json',
    '/../package.json',
    '/../../../../../../etc/passwd',
    '/%2e%2e/package.json',
    '/%2E%2E/%2e%2e/package.json',
    '/assets/..%2f..%2fpackage.json',
    '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '/assets/..%5c..%5cpackage.json',
    '/assets/..\\..\\package.json',
    '/assets/%252e%252e/%252e%252e/package.json',
    '/..;/package.json',
    '//package.json',
    '/assets//../../secret.txt',
    '/secret.txt',
    '/index.html%00.js',
    '/assets/%00',
    '/%00/../package.json',
    '/assets/%c0%ae%c0%ae/package.json',
    `/assets/${'a'.repeat(8000)}.js`,
    `/${'../'.repeat(2000)}package.json`,
    '/assets/nested-secret/..',
  ];
  it.each(attempts.map((attempt) => [attempt.length > 60 ? `${attempt.slice(0, 40)}… (${attempt.length} characters)` : attempt, attempt]))('never answers a file outside the app for %s', async (_label, attempt) => {
    const answer = await get(attempt);
    expect([404, 400]).toContain(answer.status);
    expect(answer.body).not.toContain(SENTINEL);
    expect(answer.body).not.toContain('"workspaces"');
    expect(answer.body).not.toContain('root:');
  });

  it('serves a file in assets/ by its exact name only', async () => {
    // The one way to the file planted in assets/ is its name; every spelling that resolves there elsewhere is refused.
    expect((await get('/assets/nested-secret')).body).toBe(SENTINEL);
    for (const spelling of ['/assets/./nested-secret', '/assets/x/../nested-secret', '/assets/%6eested-secret', '/ASSETS/nested-secret', '/assets/nested-secret/']) {
      const answer = await get(spelling);
      expect(answer.body).not.toContain(SENTINEL);
    }
  });

  it('still answers GraphiQL at /graphql to a browser, not the app', async () => {
    const answer = await get('/graphql', { accept: 'text/html' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatch(/graphiql/i);
    expect(answer.body).not.toBe(indexHtml());
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('does not serve the app to %s /', async (method) => {
    const answer = await send(base, '/', { method, headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.body).not.toContain('<html');
  });
});

describe('the app’s persisted documents', () => {
  const manifest = () => JSON.parse(fs.readFileSync(path.join(appDir, 'persisted-documents.json'), 'utf8')) as Record<string, string>;

  it('runs each of the app’s documents by the hash the app sends, as an anonymous viewer', async () => {
    const entries = Object.entries(manifest());
    expect(entries.length).toBeGreaterThan(0);
    const [hash, document] = entries.find(([, text]) => /^query AppAreas\b/.test(text)) ?? entries[0];
    expect(hash).toBe(`sha256:${documentHash(document)}`);
    const response = await fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ documentId: hash, variables: {} }) });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data ?? {}).length).toBeGreaterThan(0);
    if (/^query AppAreas\b/.test(document)) expect((body.data as { areas: { id: string }[] }).areas.map((a) => a.id)).toContain('lakeshore');
  });

  it('refuses a hash that is not registered with PERSISTED_QUERY_NOT_FOUND', async () => {
    const [hash] = Object.keys(manifest());
    const wrong = `sha256:${hash.slice(-64).split('').reverse().join('')}`;
    const response = await fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ documentId: wrong }) });
    const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(body.data ?? null).toBeNull();
  });
});

describe('development sign-in under the development secret', () => {
  const post = (body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }) => send(base, '/dev/token', { method: 'POST', headers, body });
  const refusal = (answer: Answer) => ({ status: answer.status, body: JSON.parse(answer.body) as unknown });
  const refused = (status: number, code: string, message: string) => ({ status, body: { errors: [{ message, extensions: { code } }] } });

  it('lists the roles, saying which need a sector, and the sectors', async () => {
    const answer = await get('/dev/roles');
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(answer.body)).toEqual({
      roles: ROLES.map((role) => ({ role, needsSector: role === 'sector-analyst' || role === 'data-steward' })),
      sectors: sectors,
    });
    expect(sectors.length).toBeGreaterThan(0);
    expect(sectors).not.toContain('planning');
  });

  it('issues a token the hub accepts, for a role and for a sector role with its sector', async () => {
    const planner = JSON.parse((await post(JSON.stringify({ role: 'planner' }))).body) as { token: string; expiresIn: number };
    expect(planner.expiresIn).toBe(8 * 3600);
    const { payload } = await jwtVerify(planner.token, new TextEncoder().encode(TEST_JWT_SECRET), { issuer: TEST_ISSUER, audience: TEST_AUDIENCE });
    expect(payload).toMatchObject({ sub: 'dev-planner' });
    expect(String(payload.scope).split(' ')).toContain('aggregates:read');
    const analyst = JSON.parse((await post(JSON.stringify({ role: 'sector-analyst', sector: sectors[0] }))).body) as { token: string };
    const { payload: analystClaims } = await jwtVerify(analyst.token, new TextEncoder().encode(TEST_JWT_SECRET), { issuer: TEST_ISSUER, audience: TEST_AUDIENCE });
    expect(analystClaims.sector).toBe(sectors[0]);
    // The hub itself takes it: a planner may ask for an arbitrary (non-persisted) operation.
    const response = await fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${planner.token}` }, body: JSON.stringify({ query: '{ areas(kind: MUNICIPALITY) { id } }' }) });
    expect(await response.json()).toEqual({ data: { areas: [{ id: 'lakeshore' }] } });
  });

  const roleList = ROLES.join(', ');
  it.each([
    ['non-JSON', 'role=planner', 400, 'BAD_REQUEST', 'the body must be JSON like {"role": "planner"}'],
    ['an empty body', '', 400, 'BAD_REQUEST', 'the body must be JSON like {"role": "planner"}'],
    ['JSON null', 'null', 400, 'BAD_REQUEST', `role must be one of ${roleList}`],
    ['a JSON array', '["planner"]', 400, 'BAD_REQUEST', `role must be one of ${roleList}`],
    ['an unknown role', '{"role":"admin"}', 400, 'BAD_REQUEST', `role must be one of ${roleList}`],
    ['a role by prototype name', '{"role":"__proto__"}', 400, 'BAD_REQUEST', `role must be one of ${roleList}`],
    ['a role that is not a string', '{"role":["planner"]}', 400, 'BAD_REQUEST', `role must be one of ${roleList}`],
  ])('refuses %s with the exact message', async (_label, body, status, code, message) => {
    expect(refusal(await post(body))).toEqual(refused(status, code, message));
  });

  it('refuses a sector role without a known sector, and a sector for a role without one', async () => {
    const sectorList = sectors.join(', ');
    expect(refusal(await post('{"role":"sector-analyst"}'))).toEqual(refused(400, 'BAD_REQUEST', `role sector-analyst needs sector, one of ${sectorList}`));
    expect(refusal(await post('{"role":"data-steward","sector":"planning"}'))).toEqual(refused(400, 'BAD_REQUEST', `role data-steward needs sector, one of ${sectorList}`));
    expect(refusal(await post('{"role":"data-steward","sector":42}'))).toEqual(refused(400, 'BAD_REQUEST', `role data-steward needs sector, one of ${sectorList}`));
    expect(refusal(await post(`{"role":"planner","sector":"${sectors[0]}"}`))).toEqual(refused(400, 'BAD_REQUEST', 'role planner takes no sector'));
    expect(refusal(await post('{"role":"public","sector":null}'))).toEqual(refused(400, 'BAD_REQUEST', 'role public takes no sector'));
  });

  it('refuses a 2 KB body before reading it', async () => {
    const body = JSON.stringify({ role: 'planner', padding: 'x'.repeat(2048) });
    expect(refusal(await post(body))).toEqual(refused(413, 'PAYLOAD_TOO_LARGE', 'request body is larger than 1024 bytes'));
  });

  it('refuses the wrong method on each path, saying which one', async () => {
    const getToken = await get('/dev/token');
    expect(refusal(getToken)).toEqual(refused(405, 'METHOD_NOT_ALLOWED', '/dev/token is asked with POST'));
    expect(getToken.headers.allow).toBe('POST');
    const postRoles = await send(base, '/dev/roles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refusal(postRoles)).toEqual(refused(405, 'METHOD_NOT_ALLOWED', '/dev/roles is read with GET'));
    expect(postRoles.headers.allow).toBe('GET');
    expect(refusal(await send(base, '/dev/token', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"role":"planner"}' }))).toEqual(
      refused(405, 'METHOD_NOT_ALLOWED', '/dev/token is asked with POST'),
    );
  });
});

describe('a hub verifying tokens with an identity provider’s key, serving no app', () => {
  let production: TestStack;
  let productionBase: string;
  beforeAll(async () => {
    const keyFile = path.join(work, 'idp-public.pem');
    fs.writeFileSync(keyFile, generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString());
    production = await startTestStack('webapp_prod', { JWT_DEV_SECRET: '', JWT_PUBLIC_KEY_FILE: keyFile, JWT_ISSUER: 'https://idp.lakeshore.example', WEB_APP: 'off' });
    productionBase = production.gateway.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await production?.stop();
  });

  it('has no /dev/token or /dev/roles (404) and issues nothing', async () => {
    const message = 'development tokens are not issued by this hub: sign in with a token from your identity provider';
    for (const [method, url, body] of [['POST', '/dev/token', '{"role":"planner"}'], ['GET', '/dev/roles', undefined], ['GET', '/dev/token', undefined]] as const) {
      const answer = await send(productionBase, url, { method, headers: { 'content-type': 'application/json' }, body });
      expect(answer.status).toBe(404);
      expect(JSON.parse(answer.body)).toEqual({ errors: [{ message, extensions: { code: 'NOT_FOUND' } }] });
      expect(answer.body).not.toMatch(/eyJ/);
    }
  });

  it('serves no app with WEB_APP=off: / and a view’s URL are 404, the assets too', async () => {
    for (const url of ['/', '/map?x=1', `/assets/${assets()[0]}`]) {
      const direct = await send(productionBase, url);
      expect([url, direct.status]).toEqual([url, 404]);
      expect(direct.body).not.toContain('<html');
    }
    const health = await send(productionBase, '/health');
    expect(health.status).toBe(200);
  });
});

describe('loadWebApp', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  function appIn(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-webapp-unit-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }
  const query = 'query UnitAreas { areas { id } }';

  it('is undefined for a missing directory, or one without index.html (the app is not built)', () => {
    expect(loadWebApp(path.join(os.tmpdir(), `cswb-no-such-dir-${process.pid}`))).toBeUndefined();
    expect(loadWebApp(appIn({ 'assets/app.js': 'x' }))).toBeUndefined();
  });

  it('registers the persisted documents by id', () => {
    const app = loadWebApp(appIn({ 'index.html': '<!doctype html>', 'persisted-documents.json': JSON.stringify({ [`sha256:${documentHash(query)}`]: query }) }));
    expect([...app!.documents]).toEqual([[documentHash(query), query]]);
  });

  it('fails start-up, naming WEB_APP_DIR, on a tampered persisted-documents.json entry', () => {
    const dir = appIn({ 'index.html': '<!doctype html>', 'persisted-documents.json': JSON.stringify({ [`sha256:${documentHash(query)}`]: 'query UnitAreas { areas { id name population } }' }) });
    expect(() => loadWebApp(dir)).toThrow(/^WEB_APP_DIR: .*persisted-documents\.json: entry sha256:[0-9a-f]{64} does not match its document, whose sha256 is sha256:[0-9a-f]{64}$/);
    const badId = appIn({ 'index.html': '<!doctype html>', 'persisted-documents.json': JSON.stringify({ abc: query }) });
    expect(() => loadWebApp(badId)).toThrow(/^WEB_APP_DIR: .*entry abc is not a sha256 document id/);
    const notJson = appIn({ 'index.html': '<!doctype html>', 'persisted-documents.json': '{ nope' });
    expect(() => loadWebApp(notJson)).toThrow(/^WEB_APP_DIR: cannot read /);
  });

  describe('serving', () => {
    let server: http.Server;
    let url: string;
    let dir: string;
    beforeAll(async () => {
      dir = appIn({ 'index.html': '<!doctype html><title>unit</title>', 'assets/app.js': 'console.log(1)' });
      const outside = appIn({ 'secret.js': SENTINEL });
      fs.symlinkSync(path.join(outside, 'secret.js'), path.join(dir, 'assets', 'linked.js'));
      fs.symlinkSync(outside, path.join(dir, 'assets', 'linked-dir'));
      const app: WebApp = loadWebApp(dir)!;
      server = http.createServer((request, response) => {
        if (!app.handle(request, response)) {
          response.writeHead(418);
          response.end('gateway');
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('serves what the directory held at start-up, and nothing a symbolic link points to', async () => {
      expect((await send(url, '/assets/app.js')).body).toBe('console.log(1)');
      fs.writeFileSync(path.join(dir, 'assets', 'later.js'), SENTINEL);
      fs.writeFileSync(path.join(dir, 'assets', 'app.js'), SENTINEL);
      for (const target of ['/assets/later.js', '/assets/linked.js', '/assets/linked-dir/secret.js']) {
        const answer = await send(url, target);
        expect([target, answer.status]).toEqual([target, 404]);
      }
      expect((await send(url, '/assets/app.js')).body).toBe('console.log(1)');
    });

    it('leaves the gateway’s own paths and other methods to the gateway', async () => {
      for (const [method, target] of [['GET', '/graphql'], ['GET', '/health'], ['GET', '/readiness'], ['GET', '/metrics'], ['GET', '/dev/roles'], ['POST', '/'], ['OPTIONS', '/map']] as const) {
        const answer = await send(url, target, { method });
        expect([method, target, answer.status, answer.body]).toEqual([method, target, 418, 'gateway']);
      }
      expect((await send(url, '/map')).body).toBe('<!doctype html><title>unit</title>');
    });
  });
});
