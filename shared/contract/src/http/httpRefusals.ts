import type * as http from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCode } from '../errors/ErrorCode';

/** A request refused at the HTTP level, before anything of it is parsed as GraphQL. */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    Object.defineProperty(this, 'name', { value: 'HttpRefusal' });
  }
}

/** The JSON body of a refusal: one error with its message and registry code, nothing else. */
export function refusalBody(code: ErrorCode, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

/** Milliseconds a refused body may still take to arrive (and be discarded) before its connection is cut. */
const REFUSED_BODY_DRAIN_MS = 2_000;

/**
 * Answers a refusal. When the request's body has not been read to its end, the answer says
 * `connection: close`, the rest of the body is discarded for a short while (so the client reads
 * the answer instead of a reset), then the connection is closed: it never hangs, and never
 * parses the leftover bytes as a next request.
 */
export function sendRefusal(request: http.IncomingMessage, response: http.ServerResponse, refusal: HttpRefusal): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const unread = !request.complete;
  response.writeHead(refusal.status, {
    'content-type': 'application/json',
    ...refusal.headers,
    ...(unread ? { connection: 'close' } : {}),
  });
  response.end(refusalBody(refusal.code, refusal.message));
  if (unread) {
    request.resume();
    const cut = setTimeout(() => request.socket.destroy(), REFUSED_BODY_DRAIN_MS);
    cut.unref();
    request.socket.once('close', () => clearTimeout(cut));
  }
}

/** GraphQL is asked with these methods; anything else is 405. */
export function refuseMethod(request: http.IncomingMessage, allowed: readonly string[]): void {
  if (!allowed.includes(request.method ?? '')) {
    throw new HttpRefusal(405, ErrorCode.METHOD_NOT_ALLOWED, `GraphQL is asked with ${allowed.join(' or ')}, not ${request.method}`, { allow: allowed.join(', ') });
  }
}

/**
 * Reads a request body of at most `limit` bytes, refusing (before reading it) one that is
 * compressed (a small body may inflate to gigabytes) or announced as larger, and one that is not
 * valid UTF-8. The reading stops at the limit; the rest is left for `sendRefusal` to discard.
 */
export function readBoundedBody(request: http.IncomingMessage, limit: number): Promise<Buffer> {
  const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== '') {
    return Promise.reject(new HttpRefusal(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, `content-encoding "${encoding.slice(0, 40)}" is not accepted: send the body uncompressed`));
  }
  const tooLarge = () => new HttpRefusal(413, ErrorCode.PAYLOAD_TOO_LARGE, `request body is larger than ${limit} bytes`);
  const announced = Number(request.headers['content-length']);
  if (Number.isFinite(announced) && announced > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: Error) => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return stop(tooLarge());
      chunks.push(chunk);
    };
    const onEnd = () => {
      const body = Buffer.concat(chunks);
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(body);
      } catch {
        return reject(new HttpRefusal(400, ErrorCode.BAD_REQUEST, 'request body is not valid UTF-8'));
      }
      resolve(body);
    };
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', (error) => stop(error));
  });
}

/**
 * What Node's HTTP parser refuses before any handler runs (an unknown method, headers over
 * 16 KB, a malformed request line) is answered as JSON with a registry code, then the connection
 * is closed, rather than Node's bare status line.
 */
export function answerClientErrors(server: http.Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, reason, code, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', ErrorCode.BAD_REQUEST, 'request headers (or the URL) are larger than 16 KB']
        : error.code === 'HPE_HEADERS_TIMEOUT' || error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', ErrorCode.BAD_REQUEST, 'request took too long to arrive']
          : [400, 'Bad Request', ErrorCode.BAD_REQUEST, 'malformed HTTP request'];
    const body = refusalBody(code, message);
    socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
}
