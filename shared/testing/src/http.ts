import * as http from 'node:http';
import * as https from 'node:https';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Any method, headers and bytes, as sent; no content-type is added. */
export function rawRequest(
  url: string,
  request: { method: string; headers?: Record<string, string>; body?: Buffer },
  options: { agent?: http.Agent; timeoutMs?: number } = {},
): Promise<RawAnswer> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const sent = client.request(
      target,
      {
        method: request.method,
        agent: options.agent,
        headers: { ...(request.body ? { 'content-length': String(request.body.length) } : {}), ...request.headers },
        timeout: options.timeoutMs ?? 10_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    sent.on('timeout', () => sent.destroy(new Error(`no answer from ${target.host} within ${options.timeoutMs ?? 10_000} ms`)));
    sent.on('error', reject);
    sent.end(request.body);
  });
}
