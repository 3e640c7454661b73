import type { Locator, Page } from 'playwright-core';

export interface DownloadedFile {
  /** The name the page gave the file (the anchor's `download` attribute). */
  fileName: string;
  /** Its text, without a leading byte-order mark. */
  text: string;
  /** Whether it began with a UTF-8 byte-order mark (the app's CSVs do, for spreadsheet programs). */
  bom: boolean;
}

/** Clicks `trigger` (a locator or a selector) and reads the file the page downloads. */
export async function downloadFile(page: Page, trigger: Locator | string): Promise<DownloadedFile> {
  const locator = typeof trigger === 'string' ? page.locator(trigger) : trigger;
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), locator.click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const bom = raw.startsWith('\ufeff');
  return { fileName: download.suggestedFilename(), text: bom ? raw.slice(1) : raw, bom };
}

/** The text of the file a click on `trigger` downloads (e.g. a CSV export), without its byte-order mark. */
export async function downloadText(page: Page, trigger: Locator | string): Promise<string> {
  return (await downloadFile(page, trigger)).text;
}
