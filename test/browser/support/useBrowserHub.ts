import type { Page } from 'playwright-core';
import { expectNoConsoleErrors, startBrowserHub, type BrowserHub, type BrowserHubOptions } from './hub';

/**
 * One hub for a test file: started before its tests, stopped after them, and every page opened
 * through it checked for console errors and failed requests after each test.
 */
export function useBrowserHub(label: string, options: Omit<BrowserHubOptions, 'label'> = {}): BrowserHub {
  let started: BrowserHub | undefined;
  const pages: Page[] = [];
  beforeAll(async () => {
    started = await startBrowserHub({ ...options, label });
  });
  afterAll(async () => {
    await started?.stop();
  });
  afterEach(() => {
    for (const page of pages.splice(0)) expectNoConsoleErrors(page);
  });
  const current = (): BrowserHub => {
    if (!started) throw new Error('the browser hub is started in beforeAll: use it inside a test');
    return started;
  };
  return {
    get url() {
      return current().url;
    },
    get stack() {
      return current().stack;
    },
    get browser() {
      return current().browser;
    },
    async open(path, openOptions) {
      const page = await current().open(path, openOptions);
      pages.push(page);
      return page;
    },
    token: (role, sector) => current().token(role, sector),
    stop: () => current().stop(),
  };
}
