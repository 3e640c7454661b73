import * as http from 'node:http';
import * as https from 'node:https';

export interface JsonResponse {
  status: number;
  body: string;
}

/**
 * POSTs a JSON body with `node:http(s)`, through `agent` when given (Node's global fetch ignores
 * agents, so it cannot present a client certificate). A caller that posts to the same address
 * again and again may pass it parsed once, as a `URL`.
 */
export function postJson(url: string | URL, body: string, options: { headers?: Record<string, string>; agent?: http.Agent; timeoutMs?: number } = {}): Promise<JsonResponse> {
  const target = typeof url === 'string' ? new URL(url) : url;
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        agent: options.agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...options.headers },
        timeout: options.timeoutMs ?? 10_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer from ${target.host} within ${options.timeoutMs ?? 10_000} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}
