import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '@cswb/cli';
import { startTestStack, type TestStack } from '@cswb/testing/stack';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from './chromium';

/** The roles the hub's development tokens are issued for (`GET /dev/roles`). */
export type Role = 'public' | 'planner' | 'sector-analyst' | 'situation-table' | 'auditor' | 'data-steward';

export interface OpenOptions {
  /** Signed in with a development token for this role (and `sector`); none: the public viewer, no token. */
  role?: Role;
  sector?: string;
  /** Adds `lang=<lang>` to the URL (the app's language switch); otherwise the browser says en-CA. */
  lang?: 'en' | 'fr';
}

export interface BrowserHub {
  /** The gateway's origin, e.g. http://127.0.0.1:41234 (the app is at `${url}/`). */
  url: string;
  stack: TestStack;
  browser: Browser;
  /** A new page (in its own browser context: own sessionStorage) at `path`, once the app has rendered its view's heading. */
  open(path: string, options?: OpenOptions): Promise<Page>;
  /** A development token from the hub's `POST /dev/token`. */
  token(role: Role, sector?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface BrowserHubOptions {
  /** Names the test databases. */
  label?: string;
  /** More environment for the hub (see startTestStack). */
  extraEnv?: Record<string, string>;
}

/** sessionStorage key the app keeps its token under (web/src/app/session.ts). */
export const TOKEN_STORAGE_KEY = 'cswb.token';

const problems = new WeakMap<Page, string[]>();

function watch(page: Page): void {
  const seen: string[] = [];
  problems.set(page, seen);
  page.on('console', (message) => {
    if (message.type() === 'error') seen.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    // A request cut short by the page navigating away (reload, sign-out) is not a failure of the app.
    if (reason !== 'net::ERR_ABORTED') seen.push(`request failed: ${request.method()} ${request.url()}: ${reason}`);
  });
}

/** Console errors, uncaught exceptions and failed requests seen on a page opened by `hub.open`. */
export function consoleProblems(page: Page): string[] {
  const seen = problems.get(page);
  if (!seen) throw new Error('this page was not opened by hub.open(): its console is not watched');
  return [...seen];
}

/** Lets go of the problems a test provoked on purpose (e.g. the 401s of a refused token), and only those. */
export function forgetConsoleProblems(page: Page, expected: RegExp): void {
  const seen = problems.get(page);
  if (!seen) throw new Error('this page was not opened by hub.open(): its console is not watched');
  const kept = seen.filter((problem) => !expected.test(problem));
  seen.splice(0, seen.length, ...kept);
}

export function expectNoConsoleErrors(page: Page): void {
  const seen = consoleProblems(page);
  if (seen.length > 0) throw new Error(`${seen.length} console error(s) or failed request(s) on ${page.url()}:\n  ${seen.join('\n  ')}`);
}

/**
 * The whole hub (every subgraph, the gateway serving the built app from web/dist) on port 0, seeded
 * small, with a development secret, and one headless Chromium shared by every page it opens.
 */
export async function startBrowserHub(options: BrowserHubOptions = {}): Promise<BrowserHub> {
  const executablePath = findChromium();
  const webAppDir = options.extraEnv?.WEB_APP_DIR ?? path.join(PROJECT_ROOT, 'web', 'dist');
  if (options.extraEnv?.WEB_APP !== 'off' && !fs.existsSync(path.join(webAppDir, 'index.html'))) {
    throw new Error(`${webAppDir} has no index.html: build the app first (npm run build -w @cswb/web; npm run test:browser does)`);
  }
  const [started, launched] = await Promise.allSettled([
    startTestStack(options.label ?? 'browser', { WEB_APP_DIR: webAppDir, ...options.extraEnv }),
    chromium.launch({ executablePath, args: ['--no-sandbox'] }),
  ]);
  if (started.status === 'rejected' || launched.status === 'rejected') {
    // Whichever did start is stopped: a failed start leaves no hub or browser running.
    if (started.status === 'fulfilled') await started.value.stop();
    if (launched.status === 'fulfilled') await launched.value.close();
    throw started.status === 'rejected' ? started.reason : (launched as PromiseRejectedResult).reason;
  }
  const stack = started.value;
  const browser = launched.value;
  const url = stack.gateway.url.replace(/\/graphql$/, '');
  const contexts: BrowserContext[] = [];

  const token = async (role: Role, sector?: string): Promise<string> => {
    const response = await fetch(`${url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sector === undefined ? { role } : { role, sector }),
    });
    const body = (await response.json()) as { token?: string };
    if (response.status !== 200 || !body.token) throw new Error(`POST /dev/token ${JSON.stringify({ role, sector })}: ${response.status} ${JSON.stringify(body)}`);
    return body.token;
  };

  const open = async (target: string, openOptions: OpenOptions = {}): Promise<Page> => {
    const address = new URL(target, url);
    if (openOptions.lang) address.searchParams.set('lang', openOptions.lang);
    const context = await browser.newContext({ locale: 'en-CA', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    if (openOptions.role) {
      const issued = await token(openOptions.role, openOptions.sector);
      // Set once per tab, before the app's code runs, so a later sign-out (or sign-in) survives reloads.
      await context.addInitScript({
        content: `try { if (location.origin === ${JSON.stringify(url)} && !sessionStorage.getItem('cswb.harness')) { sessionStorage.setItem('cswb.harness', '1'); sessionStorage.setItem(${JSON.stringify(TOKEN_STORAGE_KEY)}, ${JSON.stringify(issued)}); } } catch {}`,
      });
    }
    const page = await context.newPage();
    watch(page);
    await page.goto(address.toString());
    await page.locator('main h1').waitFor();
    return page;
  };

  return {
    url,
    stack,
    browser,
    open,
    token,
    async stop() {
      await Promise.allSettled(contexts.map((context) => context.close()));
      await browser.close().catch(() => undefined);
      await stack.stop();
    },
  };
}
