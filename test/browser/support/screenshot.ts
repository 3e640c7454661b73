import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Writes `<SCREENSHOTS_DIR>/<name>.png` (the full page, or the viewport with `fullPage: false`)
 * when SCREENSHOTS_DIR is set; otherwise does nothing.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const dir = process.env.SCREENSHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`), fullPage: options.fullPage ?? true });
}
