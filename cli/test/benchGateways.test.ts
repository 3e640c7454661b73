import * as fs from 'node:fs';
import * as path from 'node:path';
import { canonicalJson, firstDifference } from '../src/bench/gateways/canonical';
import { describeWaves, RecordedCall, wavesOf } from '../src/bench/gateways/direct';
import { joinGraphNames, stripSecurityLinks } from '../src/bench/gateways/supergraph';
import { agentFetcher, signingWillSendRequest } from '../src/bench/gatewayProcess';

/** Pure helpers of `cswb bench --only gateways`. */

const SUPERGRAPH = fs.readFileSync(path.resolve(__dirname, '..', '..', 'gateway', 'generated', 'supergraph.graphql'), 'utf8');
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

describe('the supergraph for @apollo/gateway', () => {
  beforeAll(() => {
    // No telemetry to cloud metadata hosts from a test.
    process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  });

  it('drops only the SECURITY purpose of the links', () => {
    const stripped = stripSecurityLinks(SUPERGRAPH);
    expect(SUPERGRAPH).toMatch(/@link\(url: "[^"]+", for: SECURITY\)/);
    expect(stripped).not.toMatch(/for: SECURITY/);
    expect(stripped).toContain('@link(url: "https://specs.apollo.dev/join/v0.4", for: EXECUTION)');
    expect(stripped).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1")');
    // Nothing but those link arguments changes.
    expect(stripped.split('\n').length).toBe(SUPERGRAPH.split('\n').length);
  });

  it('is refused as committed and loads once stripped, with every subgraph and root field', async () => {
    const { ApolloGateway } = await import('@apollo/gateway');
    const refusing = new ApolloGateway({ supergraphSdl: SUPERGRAPH, logger: quiet });
    await expect(refusing.load()).rejects.toThrow(/SECURITY/);

    const gateway = new ApolloGateway({ supergraphSdl: stripSecurityLinks(SUPERGRAPH), logger: quiet });
    try {
      const { schema } = await gateway.load();
      const fields = Object.keys(schema.getQueryType()!.getFields());
      expect(fields).toEqual(expect.arrayContaining(['areas', 'plans']));
      expect(schema.getType('SectorIndicatorReading')).toBeDefined();
    } finally {
      await gateway.stop();
    }
    expect(joinGraphNames(SUPERGRAPH)).toHaveLength(7);
  });
});

describe('the direct floor', () => {
  const call = (subgraph: string, start: number, end: number): RecordedCall => ({ subgraph, url: '', headers: {}, body: '', status: 200, response: '{}', start, end });

  it('groups calls into the waves a plan makes them in', () => {
    const planning = call('planning', 0, 10);
    const police = call('police', 11, 20);
    const health = call('health', 11.2, 25);
    const follow = call('planning', 21, 30); // after police only: still the wave after the parallel ones
    const waves = wavesOf([health, follow, planning, police]);
    expect(waves).toEqual([[planning], [police, health], [follow]]);
    expect(describeWaves(waves)).toBe('planning → 2 (health, police) → planning');
  });
});

describe('comparing answers', () => {
  it('ignores key order, not array order or values', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }] })).toBe(canonicalJson({ a: [{ x: 1, y: 2 }], b: 1 }));
    expect(firstDifference({ a: [1, 2] }, { a: [1, 2] })).toBeUndefined();
    expect(firstDifference({ a: [1, 2] }, { a: [2, 1] })).toBe('$.a[0] (1 vs 2)');
    expect(firstDifference({ a: { b: null } }, { a: { b: 3 } }, 'data')).toBe('data.a.b (null vs 3)');
    expect(firstDifference([1], [1, 2])).toBe('$[1] (lengths 1 and 2)');
  });
});

describe('@apollo/gateway behind the trust boundary', () => {
  it('signs the exact body its data source sends, and reads the answer through the fetcher', async () => {
    process.env.APOLLO_TELEMETRY_DISABLED = 'true';
    const http = await import('node:http');
    const { RemoteGraphQLDataSource } = await import('@apollo/gateway');
    const received: { body: string; assertion: string | undefined }[] = [];
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ body: Buffer.concat(chunks).toString('utf8'), assertion: request.headers['x-cswb-assertion'] as string | undefined });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ data: { area: { id: 'a-1' } } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const agent = new http.Agent({ keepAlive: true });
    try {
      const signed: { audience: string; body: string; requestId: string }[] = [];
      const sign = async (audience: string, subject: { requestId: string }, body: string | Uint8Array) => {
        signed.push({ audience, body: String(body), requestId: subject.requestId });
        return `assertion-${signed.length}`;
      };
      const port = (server.address() as import('node:net').AddressInfo).port;
      const source = new RemoteGraphQLDataSource({
        url: `http://127.0.0.1:${port}/graphql`,
        fetcher: agentFetcher({ agentFor: () => agent }),
        willSendRequest: signingWillSendRequest('police', sign, 'x-cswb-assertion'),
      });
      const caller = { anonymous: false, subject: 'p', agency: null, sector: null, scopes: [], purpose: null };
      const healthCheck = {
        kind: 'health check',
        request: { query: 'query Q($id: ID!) { area(id: $id) { id } }', variables: { id: 'a-1' }, operationName: 'Q' },
        context: { caller, requestId: 'r-1' },
      } as unknown as Parameters<typeof source.process>[0];
      const response = await source.process(healthCheck);
      expect(response.data).toEqual({ area: { id: 'a-1' } });
      expect(received).toHaveLength(1);
      expect(signed).toEqual([{ audience: 'police', body: received[0].body, requestId: 'r-1' }]);
      expect(received[0].assertion).toBe('assertion-1');
    } finally {
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
