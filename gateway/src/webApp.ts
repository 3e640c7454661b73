import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import type * as http from 'node:http';
import * as path from 'node:path';
import { ConfigError } from '@cswb/contract/config';
import { documentIdOf, manifestEntryProblem, readManifest } from './persistedDocuments';

/** The file the web app's build writes beside index.html: its persisted documents (hash → document). */
export const WEB_APP_MANIFEST = 'persisted-documents.json';

/** Paths the gateway answers itself; everything else a browser navigates to is the app's. */
const GATEWAY_PATHS = new Set(['/graphql', '/health', '/readiness', '/metrics']);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Everything from the app's own origin and nothing else: no CDN, no inline script, no framing.
 * Inline styles are allowed for SVG charts' computed positions only through the DOM (CSSOM), which CSP permits.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

interface StaticFile {
  body: Buffer;
  contentType: string;
  etag: string;
  immutable: boolean;
}

export interface WebApp {
  dir: string;
  /** The app's persisted documents by id (hash without `sha256:`): the gateway registers them. */
  documents: Map<string, string>;
  /** Answers the request when it is the app's (true), or leaves it to the gateway (false). */
  handle(request: http.IncomingMessage, response: http.ServerResponse): boolean;
}

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(prefix, entry.name);
    return entry.isDirectory() ? listFiles(dir, relative) : entry.isFile() ? [relative] : [];
  });
}

/**
 * The built web app in `dir` (`npm run build` writes web/dist), held in memory: its files are
 * served as they were at start-up, by exact name only (no path is ever joined to the disk), so no
 * request can reach another file. Undefined when `dir` has no index.html (the app is not built).
 */
export function loadWebApp(dir: string): WebApp | undefined {
  if (!fs.existsSync(path.join(dir, 'index.html'))) return undefined;
  const files = new Map<string, StaticFile>();
  // The manifest is served too: "the query behind this view" shows a document's text from it.
  for (const relative of listFiles(dir)) {
    const body = fs.readFileSync(path.join(dir, relative));
    files.set(`/${relative}`, {
      body,
      contentType: CONTENT_TYPES[path.extname(relative)] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      immutable: relative.startsWith('assets/'),
    });
  }
  const manifestFile = path.join(dir, WEB_APP_MANIFEST);
  const documents = new Map<string, string>();
  if (fs.existsSync(manifestFile)) {
    let manifest: Record<string, string>;
    try {
      manifest = readManifest(manifestFile);
    } catch (error) {
      throw new ConfigError('WEB_APP_DIR', (error as Error).message);
    }
    for (const [hash, document] of Object.entries(manifest)) {
      const problem = manifestEntryProblem(hash, document);
      if (problem) throw new ConfigError('WEB_APP_DIR', `${manifestFile}: entry ${hash.slice(0, 80)} ${problem}`);
      documents.set(documentIdOf(hash), document);
    }
  }
  const index = files.get('/index.html')!;
  const send = (request: http.IncomingMessage, response: http.ServerResponse, file: StaticFile) => {
    const headers = {
      ...SECURITY_HEADERS,
      'content-type': file.contentType,
      etag: file.etag,
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (request.headers['if-none-match'] === file.etag) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': String(file.body.length) });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  };
  return {
    dir,
    documents,
    handle(request, response) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const pathname = (request.url ?? '/').split('?')[0];
      if (GATEWAY_PATHS.has(pathname) || pathname.startsWith('/dev/')) return false;
      const file = files.get(pathname);
      if (file && pathname !== '/index.html') {
        send(request, response, file);
        return true;
      }
      // A view's URL (e.g. /map?indicator=…) opens the app, which restores the view from it.
      // A path with dot segments, backslashes or escapes is never one of the app's (browsers resolve those before asking).
      const isAsset = pathname.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(pathname) || /(^|\/)\.\.?(\/|$)|[\\%]/.test(pathname);
      if (isAsset) {
        response.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
        response.end(request.method === 'HEAD' ? undefined : 'Not found\n');
        return true;
      }
      send(request, response, index);
      return true;
    },
  };
}
