import type { Page } from 'playwright-core';
import { expectNoConsoleErrors, screenshot, useBrowserHub } from './support';

// Every view opens for a planner and for the public, in both languages, and settles (its requests
// answered, nothing loading) without an error on the page or in the console. With
// SCREENSHOTS_DIR=docs/screenshots (npm run screenshots) it also writes the pictures the docs show.

const VIEWS = ['map', 'profile', 'compare', 'risk', 'scorecard', 'services', 'situation-table'] as const;

const hub = useBrowserHub('every_view');

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    return !!main && main.getAttribute('aria-busy') === 'false' && !main.querySelector('.loading');
  });
}

describe.each(['en', 'fr'] as const)('every view in %s', (lang) => {
  it.each(VIEWS)('%s opens for a planner and for the public, and settles without an error', async (view) => {
    for (const role of ['planner', undefined] as const) {
      const page = await hub.open(`/${view}`, { role, lang });
      await settled(page);
      // A refusal the view explains ("not shown to your role") is not an error; a failed request is.
      await expect(page.locator('main .error').count()).resolves.toBe(0);
      expectNoConsoleErrors(page); // now, before its context closes (useBrowserHub checks again after the test)
      if (role === 'planner' && (lang === 'en' || view === 'map')) await screenshot(page, `${view}-${lang}`, { fullPage: false });
      await page.context().close();
    }
  });
});
