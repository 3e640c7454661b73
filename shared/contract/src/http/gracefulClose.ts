import type * as http from 'node:http';

/**
 * Closes an HTTP(S) server within a bound: it stops accepting at once, idle keep-alive
 * connections close, requests in flight get up to `graceMs` to finish (their responses say
 * `Connection: close`), then every socket left is destroyed. Call as the server starts listening.
 */
export function gracefulClose(server: http.Server): (graceMs: number) => Promise<void> {
  let closing = false;
  server.on('request', (_request: http.IncomingMessage, response: http.ServerResponse) => {
    if (closing) response.shouldKeepAlive = false;
  });
  return async (graceMs) => {
    closing = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // A keep-alive connection goes idle between requests; close each as it does.
    const sweep = setInterval(() => server.closeIdleConnections(), 20);
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([closed, graceOver]);
    clearInterval(sweep);
    clearTimeout(timer);
    server.closeAllConnections();
    await closed;
  };
}

/** Waits for `work` at most `ms`: a step of shutdown that must not hold it up past its bound. */
export async function atMost(ms: number, work: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
