import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { API_SCHEMA_FILE } from '@cswb/cli';
import { readRegisteredDocuments } from '@cswb/gateway';
import { cswb } from '@cswb/testing/cli';
import { writeFileIn } from '@cswb/testing/files';
import { graphql, GraphQLResponse } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken } from '@cswb/testing/tokens';
import { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema } from 'graphql';

/** The id GraphQL Code Generator's client preset gives a document (hashAlgorithm 'sha256', its default): "sha256:" + hex digest of the printed text. */
const presetId = (document: string) => `sha256:${createHash('sha256').update(document).digest('hex')}`;

/** Documents as the client preset prints them into persisted-documents.json: one line, fields sorted. */
const WARDS = 'query DashboardWards { areas(kind: WARD) { id name population } }';
const WARD_POLICE =
  'query DashboardWardPolice($id: ID!) { area(id: $id) { id police { indicators(from: "2023-01-01", to: "2023-12-31") { indicator { id } observations { value } } } } }';
const MANIFEST = { [presetId(WARDS)]: WARDS, [presetId(WARD_POLICE)]: WARD_POLICE };

let dir: string;
let registered: string;
let stack: TestStack;
let planner: Record<string, string>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-dashboards-'));
  registered = path.join(dir, 'registered');
  const added = await cswb(['persisted', 'add', writeFileIn(dir, 'persisted-documents.json', JSON.stringify(MANIFEST)), '--name', 'ward-board'], {
    PERSISTED_DOCUMENTS_DIR: registered,
  });
  expect(added).toEqual({ code: 0, stdout: `Registered 2 persisted documents of "ward-board" as ${path.join(registered, 'ward-board.json')}; the gateway serves them from its next start.\n`, stderr: '' });
  stack = await startTestStack('dashboards', { PERSISTED_DOCUMENTS: 'only-anonymous', PERSISTED_DOCUMENTS_DIR: registered });
  planner = bearer(await signToken({ sub: 'dashboard-planner', scope: 'aggregates:read', purpose: 'planning' }));
});
afterAll(async () => {
  await stack?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function byId(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<any>> {
  const response = await fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { ...((await response.json()) as object), status: response.status };
}

describe('the published API schema (gateway/generated/api-schema.graphql)', () => {
  it('is what the running gateway introspects, with no federation internals', async () => {
    const response = await graphql(stack.gateway.url, getIntrospectionQuery({ specifiedByUrl: true }), undefined, planner);
    expect(response.errors).toBeUndefined();
    const published = buildSchema(fs.readFileSync(API_SCHEMA_FILE, 'utf8'));
    expect(printSchema(buildClientSchema(response.data as any))).toBe(printSchema(published));
    expect(printSchema(published)).not.toMatch(/_entities|_service|_Any|join__|link__|@link|@join/);
  });
});

describe('persisted documents registered with `cswb persisted add`', () => {
  it('run by the id the client preset gives them, with a token', async () => {
    const response = await byId({ documentId: presetId(WARD_POLICE), variables: { id: 'lakeshore-w02' } }, planner);
    expect(response.errors).toBeUndefined();
    expect(response.data.area.id).toBe('lakeshore-w02');
    expect(response.data.area.police.indicators.length).toBeGreaterThan(0);
  });

  it('run by the bare hex hash and by Apollo’s persistedQuery extension too', async () => {
    const hex = presetId(WARDS).slice('sha256:'.length);
    for (const body of [{ documentId: hex }, { extensions: { persistedQuery: { version: 1, sha256Hash: hex } } }]) {
      const response = await byId(body);
      expect(response.errors).toBeUndefined();
      expect(response.data.areas.length).toBeGreaterThan(1);
    }
  });

  it('serve the hub’s own documents beside them', async () => {
    const own = fs.readFileSync(path.join(path.dirname(API_SCHEMA_FILE), 'persisted-documents.json'), 'utf8');
    const [id] = Object.keys(JSON.parse(own));
    expect((await byId({ documentId: `sha256:${id}` }, planner)).errors).toBeUndefined();
  });

  it('refuse an unknown id with PERSISTED_QUERY_NOT_FOUND', async () => {
    const response = await byId({ documentId: presetId('query Unknown { areas { id } }') }, planner);
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });
});

describe('cswb persisted add refuses a bad manifest whole', () => {
  const add = (manifest: string, env: Record<string, string> = {}, name = 'bad-board') =>
    cswb(['persisted', 'add', manifest, '--name', name], { PERSISTED_DOCUMENTS_DIR: path.join(dir, 'refused'), ...env });

  it('naming each entry that would not run, and registers none of it', async () => {
    const deep = 'query Deep { area(id: "lakeshore-w02") { children { children { children { id } } } } }';
    const long = `query Long { areas { ${Array.from({ length: 40 }, () => 'id').join(' ')} } }`;
    const unknownField = 'query Unknown { nope }';
    const sha1 = createHash('sha1').update(WARDS).digest('hex');
    const file = writeFileIn(
      dir,
      'bad.json',
      JSON.stringify({
        [presetId(WARDS)]: WARDS,
        [sha1]: WARDS,
        [presetId(WARDS).replace(/.$/, (c) => (c === '0' ? '1' : '0'))]: WARDS,
        [presetId(unknownField)]: unknownField,
        [presetId('query {')]: 'query {',
        [presetId(deep)]: deep,
        [presetId(long)]: long,
      }),
    );
    const result = await add(file, { MAX_DEPTH: '3', MAX_TOKENS: '40' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        `cswb persisted add: ${file} refused, nothing registered: 6 of 7 entries would not run`,
        `  entry "${sha1}": is not a sha256 document id ("sha256:" and 64 lowercase hex digits); in codegen.ts, set persistedDocuments: { hashAlgorithm: 'sha256' }`,
        `  entry "${presetId(WARDS).replace(/.$/, (c) => (c === '0' ? '1' : '0'))}": does not match its document, whose sha256 is ${presetId(WARDS)}`,
        `  entry "${presetId(unknownField)}": Cannot query field "nope" on type "Query". (line 1, column 17)`,
        `  entry "${presetId('query {')}": Syntax Error: Expected Name, found <EOF>. (line 1, column 8)`,
        `  entry "${presetId(deep)}": Operation "Deep" is 5 levels deep; at most 3 are allowed (line 1, column 1)`,
        `  entry "${presetId(long)}": The document has more than 40 tokens; at most 40 are allowed`,
        '',
      ].join('\n'),
    );
    expect(fs.existsSync(path.join(dir, 'refused'))).toBe(false);
  });

  it('that is not a JSON object of hash → document, or is empty', async () => {
    const notAnObject = writeFileIn(dir, 'list.json', JSON.stringify([WARDS]));
    expect((await add(notAnObject)).stderr).toBe(`cswb persisted add: ${notAnObject} refused, nothing registered: ${notAnObject} must be a JSON object of hash → document\n`);
    const empty = writeFileIn(dir, 'empty.json', '{}');
    expect(await add(empty)).toEqual({ code: 1, stdout: '', stderr: `cswb persisted add: ${empty} refused, nothing registered: the manifest has no entries\n` });
  });

  it('and a dashboard name that cannot name its file (exit 2)', async () => {
    const result = await add(writeFileIn(dir, 'good.json', JSON.stringify(MANIFEST)), {}, '../elsewhere');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cswb persisted: --name must be lowercase letters, digits and hyphens \(at most 63\), starting with a letter or digit, got "\.\.\/elsewhere"\n/);
  });
});

describe('the gateway, starting, refuses a registered manifest', () => {
  it('whose entry is not its document’s hash, naming the file and the entry', () => {
    const tampered = path.join(dir, 'tampered');
    fs.mkdirSync(tampered);
    const file = writeFileIn(tampered, 'board.json', JSON.stringify({ [presetId(WARDS)]: WARD_POLICE }));
    expect(() => readRegisteredDocuments(tampered)).toThrow(
      `PERSISTED_DOCUMENTS_DIR: ${file}: entry "${presetId(WARDS)}" does not match its document, whose sha256 is ${presetId(WARD_POLICE)}`,
    );
  });

  it('registers nothing from a directory that does not exist', () => {
    expect(readRegisteredDocuments(path.join(dir, 'none')).size).toBe(0);
  });
});
