import { readGatewayConfig } from '@cswb/contract/config';
import { SubgraphCircuitBreakers, useSubgraphResilience } from '@cswb/gateway';

describe('SubgraphCircuitBreakers', () => {
  let now = 0;
  const breakers = () => new SubgraphCircuitBreakers({ failureThreshold: 3, cooldownMs: 1000, now: () => now });

  beforeEach(() => (now = 0));

  it('opens after N consecutive failures only; a success in between starts the count again', () => {
    const b = breakers();
    for (const outcome of ['fail', 'fail', 'ok', 'fail', 'fail'] as const) {
      const admission = b.admit('police');
      expect(admission.kind).toBe('pass');
      if (outcome === 'fail') b.failed('police', admission);
      else b.succeeded('police', admission);
    }
    expect(b.state('police')).toBe('closed');
    b.failed('police', b.admit('police'));
    expect(b.state('police')).toBe('open');
    expect(b.admit('police')).toEqual({ kind: 'rejected', retryAfterMs: 1000 });
    expect(b.state('health')).toBe('closed');
  });

  it('after the cool-down lets one probe through; its success closes the circuit, its failure opens it again', () => {
    const b = breakers();
    for (let i = 0; i < 3; i++) b.failed('police', b.admit('police'));
    now = 999;
    expect(b.admit('police').kind).toBe('rejected');
    now = 1000;
    const probe = b.admit('police');
    expect(probe.kind).toBe('probe');
    expect(b.state('police')).toBe('half-open');
    expect(b.admit('police').kind).toBe('rejected');
    b.failed('police', probe);
    expect(b.state('police')).toBe('open');
    now = 2000;
    const second = b.admit('police');
    expect(second.kind).toBe('probe');
    b.succeeded('police', second);
    expect(b.state('police')).toBe('closed');
    expect(b.admit('police').kind).toBe('pass');
  });

  it('a probe cut short by the request deadline frees the next fetch to probe', () => {
    const b = breakers();
    for (let i = 0; i < 3; i++) b.failed('police', b.admit('police'));
    now = 1000;
    b.released('police', b.admit('police'));
    expect(b.admit('police').kind).toBe('probe');
  });
});

describe('resilience settings', () => {
  const read = (env: Record<string, string>) => readGatewayConfig(env, ['police'], '/tmp/supergraph.graphql');

  it('has defaults and reads each variable', () => {
    expect(read({}).resilience).toEqual({ requestTimeoutMs: 15000, breakerFailures: 5, breakerCooldownMs: 10000 });
    expect(read({}).shutdownGraceMs).toBe(10000);
    expect(read({ REQUEST_TIMEOUT_MS: '2000', CIRCUIT_BREAKER_FAILURES: '0', CIRCUIT_BREAKER_COOLDOWN_MS: '500', SHUTDOWN_GRACE_MS: '250' })).toMatchObject({
      resilience: { requestTimeoutMs: 2000, breakerFailures: 0, breakerCooldownMs: 500 },
      shutdownGraceMs: 250,
    });
  });

  it.each(['REQUEST_TIMEOUT_MS', 'CIRCUIT_BREAKER_FAILURES', 'CIRCUIT_BREAKER_COOLDOWN_MS', 'SHUTDOWN_GRACE_MS'])('refuses a bad %s with its name', (variable) => {
    expect(() => read({ [variable]: 'soon' })).toThrow(variable);
  });
});

describe('the request budget (REQUEST_TIMEOUT_MS)', () => {
  it('gives a fetch what remains of the request budget when that is less than its own timeout, and none once it is spent', async () => {
    const plugin = useSubgraphResilience({ timeoutMs: () => 10_000, requestTimeoutMs: 200 }) as any;
    const clientRequest = new Request('http://hub/graphql');
    plugin.onRequest({ request: clientRequest });
    let executor: any;
    plugin.onSubgraphExecute({
      subgraphName: 'police',
      executor: (request: { signal: AbortSignal }) => new Promise(() => request.signal.addEventListener('abort', () => undefined)),
      setExecutor: (e: unknown) => (executor = e),
    });
    const begin = Date.now();
    const first = await executor({ document: {}, context: { request: clientRequest }, signal: new AbortController().signal });
    expect(Date.now() - begin).toBeLessThan(1000);
    expect(first.errors[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'police', reason: 'request deadline' });
    const second = await executor({ document: {}, context: { request: clientRequest }, signal: new AbortController().signal });
    expect(second.errors[0].extensions).toMatchObject({ reason: 'request deadline', timeoutMs: 0 });
  });
});

/**
 * `useSubgraphResilience` around the runtime's HTTP executor for police, in front of a real HTTP
 * server on port 0 whose requests `handle` answers (or holds).
 */
async function resilientExecutorBefore(handle: import('node:http').RequestListener, fetchImpl?: typeof fetch): Promise<{ executor: any; close(): Promise<void> }> {
  const http = await import('node:http');
  const { buildHTTPExecutor } = await import('@graphql-tools/executor-http');
  const server = http.createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const plugin = useSubgraphResilience({ timeoutMs: () => 30_000 }) as any;
  let executor: any;
  plugin.onSubgraphExecute({
    subgraphName: 'police',
    executor: buildHTTPExecutor({ endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`, ...(fetchImpl ? { fetch: fetchImpl } : {}) }),
    setExecutor: (e: unknown) => (executor = e),
  });
  return {
    executor,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('abort listeners per subgraph fetch', () => {
  it('lets go of each fetch\'s abort listeners once its answer is in: none left on the HTTP executor\'s long-lived signal', async () => {
    const { parse } = await import('graphql');
    // The signal each fetch is given: the executor joins the fetch's own signal with one of its
    // own that lives as long as the executor (abortSignalAny). Before, the join was only undone
    // by garbage collection: the 11th fetch warned (MaxListenersExceededWarning) and the list grew.
    const signals: AbortSignal[] = [];
    const { executor, close } = await resilientExecutorBefore(
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"data":{"__typename":"Query"}}');
      },
      (url, init) => {
        signals.push(init!.signal!);
        return fetch(url, init);
      },
    );
    try {
      for (let i = 0; i < 30; i++) {
        const result = await executor({ document: parse('{ __typename }'), context: {} });
        expect(result).toEqual({ data: { __typename: 'Query' } });
        // Undone as soon as the answer is read (not cut short: the answer is whole): aborting the
        // joined signal is what removes its listener from the executor's own.
        expect(signals[i].aborted).toBe(true);
      }
    } finally {
      await close();
    }
  });
});

describe('abort listeners per client request', () => {
  it('follows a client request with one abort listener however many of its fetches are in flight, and aborts them all with it', async () => {
    const { EventEmitter } = await import('node:events');
    const { parse } = await import('graphql');
    let received = 0;
    // Holds every request: only the client's abort ends them.
    const { executor, close } = await resilientExecutorBefore(() => {
      received++;
    });
    try {
      const client = new AbortController();
      // Distinct documents: identical ones in flight would be merged into one request.
      const fetches = Array.from({ length: 25 }, (_, i) => executor({ document: parse(`{ f${i}: __typename }`), context: {}, signal: client.signal }));
      for (let waited = 0; received < 25 && waited < 10_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(received).toBe(25);
      expect(EventEmitter.getEventListeners(client.signal, 'abort')).toHaveLength(1);
      client.abort(new Error('the client went away'));
      const results = await Promise.all(fetches);
      for (const result of results) expect(result.errors[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'police' });
    } finally {
      await close();
    }
  });
});
