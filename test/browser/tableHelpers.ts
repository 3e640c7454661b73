import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '@cswb/cli';
import type { Locator, Page } from 'playwright-core';
import type { BrowserHub } from './support';

// Helpers of the scorecard, services and Situation Table browser tests: the API asked directly with
// the app's own persisted documents (so figures are compared with what the hub answers the same
// token), tables read as text, and CSV parsed.

interface GraphQLAnswer<T> {
  data: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

let manifest: Record<string, string> | undefined;

/** The id of the app's persisted document whose operation is `name`. */
export function documentId(name: string): string {
  manifest ??= JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'web', 'dist', 'persisted-documents.json'), 'utf8')) as Record<string, string>;
  const found = Object.entries(manifest).find(([, text]) => new RegExp(`\\bquery ${name}\\b[({ ]`).test(text));
  if (!found) throw new Error(`no persisted document for operation ${name}`);
  return found[0];
}

/** Runs one of the app's documents against the hub, as the app does, with `token` (none: public). */
export async function askHub<T>(hub: BrowserHub, name: string, variables: Record<string, unknown>, token?: string): Promise<GraphQLAnswer<T>> {
  const response = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ documentId: documentId(name), variables }),
  });
  return (await response.json()) as GraphQLAnswer<T>;
}

/**
 * A table's header and body rows, as text without the words only screen readers get and without
 * decorative symbols; whitespace removed so `3.4†` and `3.4 †` compare equal.
 */
export async function tableText(table: Locator): Promise<string[][]> {
  return table.evaluate((element) => {
    const rows = Array.from((element as unknown as { querySelectorAll(s: string): ArrayLike<{ querySelectorAll(s: string): ArrayLike<{ cloneNode(deep: boolean): unknown }> }> }).querySelectorAll('tr'));
    return rows.map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => {
        const copy = cell.cloneNode(true) as { querySelectorAll(s: string): ArrayLike<{ remove(): void }>; textContent: string | null };
        for (const hidden of Array.from(copy.querySelectorAll('.visually-hidden, .symbol'))) hidden.remove();
        return (copy.textContent ?? '').replace(/\s+/g, '');
      }),
    );
  });
}

/** RFC 4180 CSV as rows of cells (quotes undone), whitespace removed like tableText. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows.map((cells) => cells.map((value) => value.replace(/\s+/g, '')));
}

/** A number as the app writes it in English (en-CA) or French (fr-CA), whitespace removed. */
export function formatted(value: number, digits: number, locale = 'en-CA'): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value).replace(/\s+/g, '');
}

/** Waits until the page shows no loading message. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('main .loading'));
}
