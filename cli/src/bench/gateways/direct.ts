import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { hasGraphQLErrors } from './autocannonLoad';

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

/** A proxy per subgraph in this process, forwarding every request and recording it with its timing. */
export async function startRecordingProxies(subgraphs: readonly { name: string; url: string }[]): Promise<RecordingProxies> {
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
          const upstream = await fetch(url, { method: request.method, headers, body: request.method === 'POST' ? body : undefined });
          const text = await upstream.text();
          response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
          response.end(text);
          calls.push({ subgraph: name, url, headers, body, status: upstream.status, response: text, start, end: performance.now() });
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

/** One replay of the recorded calls, wave after wave, each wave's calls in parallel; false if any failed. */
export async function replay(waves: readonly RecordedCall[][], check?: (call: RecordedCall, response: unknown) => void): Promise<boolean> {
  for (const calls of waves) {
    const results = await Promise.all(
      calls.map(async (call) => {
        const response = await fetch(call.url, { method: 'POST', headers: call.headers, body: call.body });
        const text = await response.text();
        // Parsed, as a client needs it; merging it into an answer is the gateway's work, not done here.
        const parsed: unknown = JSON.parse(text);
        check?.(call, parsed);
        return response.ok && !hasGraphQLErrors(text);
      }),
    );
    if (results.includes(false)) return false;
  }
  return true;
}
