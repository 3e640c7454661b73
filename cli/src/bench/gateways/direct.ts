import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { postJson } from '@cswb/contract/trust';
import { hasGraphQLErrors } from './autocannonLoad';
import type { BenchTrust } from './benchTrust';

/** One subgraph request a gateway made, as a recording proxy saw it. */
export interface RecordedCall {
  subgraph: string;
  /** The subgraph's own URL (not the proxy's). */
  url: string;
  headers: Record<string, string>;
  body: string;
  status: number;
  response: string;
  /** performance.now() when the request arrived and when its response was sent. */
  start: number;
  end: number;
}

export interface RecordingProxies {
  /** Subgraph name → the proxy's URL, to give a gateway instead of the subgraph's. */
  urls: Record<string, string>;
  calls: RecordedCall[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

/**
 * A proxy per subgraph in this process, forwarding every request and recording it with its timing.
 * It forwards the gateway's assertion as it came and presents the gateway's client certificate
 * (`trust`), which the assertion is bound to.
 */
export async function startRecordingProxies(subgraphs: readonly { name: string; url: string }[], trust: BenchTrust): Promise<RecordingProxies> {
  const calls: RecordedCall[] = [];
  const servers: http.Server[] = [];
  const urls: Record<string, string> = {};
  try {
    for (const { name, url } of subgraphs) {
      const server = http.createServer(async (request, response) => {
        const start = performance.now();
        try {
          const chunks: Buffer[] = [];
          for await (const chunk of request) chunks.push(chunk as Buffer);
          const body = Buffer.concat(chunks).toString('utf8');
          const headers: Record<string, string> = {};
          for (const [key, value] of Object.entries(request.headers)) {
            if (value !== undefined && !HOP_BY_HOP.has(key)) headers[key] = Array.isArray(value) ? value.join(', ') : value;
          }
          if (request.method !== 'POST') throw new Error(`${request.method} is not a GraphQL request the gateway makes`);
          const upstream = await postJson(url, body, { headers, agent: trust.agentFor(url), timeoutMs: 120_000 });
          response.writeHead(upstream.status, { 'content-type': 'application/json' });
          response.end(upstream.body);
          calls.push({ subgraph: name, url, headers, body, status: upstream.status, response: upstream.body, start, end: performance.now() });
        } catch (error) {
          response.writeHead(502, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ errors: [{ message: `recording proxy: ${(error as Error).message}` }] }));
        }
      });
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      urls[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    }
  } catch (error) {
    for (const server of servers) server.close();
    throw error;
  }
  return {
    urls,
    calls,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}

/**
 * The recorded calls of one gateway request in the order a gateway must make them: a call joins
 * the wave after the latest wave of any call that had ended before it started. Calls a plan makes
 * in parallel start together (before any of them ends) and share a wave; a call that needs
 * another's result starts after it ended.
 */
export function wavesOf(calls: readonly RecordedCall[]): RecordedCall[][] {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const wave = new Map<RecordedCall, number>();
  for (const call of sorted) {
    let level = 0;
    for (const earlier of sorted) {
      if (earlier === call) break;
      if (earlier.end <= call.start) level = Math.max(level, (wave.get(earlier) ?? 0) + 1);
    }
    wave.set(call, level);
  }
  const waves: RecordedCall[][] = [];
  for (const call of sorted) (waves[wave.get(call)!] ??= []).push(call);
  return waves.filter(Boolean);
}

/** `planning → 6 (education, health, …) → 1 (planning)`: the waves, for the report. */
export function describeWaves(waves: readonly RecordedCall[][]): string {
  return waves
    .map((calls) => {
      const names = [...new Set(calls.map((c) => c.subgraph))].sort();
      return calls.length === 1 ? names[0] : `${calls.length} (${names.join(', ')})`;
    })
    .join(' → ');
}

/**
 * Sends one recorded call again as the gateway would: over the boundary's agent (the gateway's
 * client certificate), with a fresh assertion for the same subgraph, caller and body in place of
 * the recorded one (each is single-use). `requestId` is the gateway request it belongs to.
 */
export function replaySender(trust: BenchTrust, caller: import('@cswb/contract/auth').Caller): (call: RecordedCall, requestId: string) => Promise<{ status: number; body: string }> {
  return async (call, requestId) => {
    const headers = Object.fromEntries(Object.entries(call.headers).filter(([name]) => name !== trust.header));
    headers[trust.header] = await trust.sign(call.subgraph, { caller, requestId }, call.body);
    return postJson(call.url, call.body, { headers, agent: trust.agentFor(call.url), timeoutMs: 120_000 });
  };
}

/** One replay of the recorded calls, wave after wave, each wave's calls in parallel; false if any failed. */
export async function replay(
  waves: readonly RecordedCall[][],
  send: (call: RecordedCall, requestId: string) => Promise<{ status: number; body: string }>,
  check?: (call: RecordedCall, response: unknown) => void,
): Promise<boolean> {
  const requestId = randomUUID();
  for (const calls of waves) {
    const results = await Promise.all(
      calls.map(async (call) => {
        const response = await send(call, requestId);
        // Parsed, as a client needs it; merging it into an answer is the gateway's work, not done here.
        const parsed: unknown = JSON.parse(response.body);
        check?.(call, parsed);
        return response.status >= 200 && response.status < 300 && !hasGraphQLErrors(response.body);
      }),
    );
    if (results.includes(false)) return false;
  }
  return true;
}
