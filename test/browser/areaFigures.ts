import type { Page } from 'playwright-core';
import type { BrowserHub, Role } from './support';

// Helpers of the area profile and compare browser tests: the API asked directly (with a document
// written here, not the app's) for the same viewer, and the page's figures checked against it.

export interface ApiObservation {
  period: { label: string };
  value: number | null;
  perturbed: boolean;
  suppressed: boolean;
  suppressionReason?: string | null;
}
export const SECTORS = ['police', 'health', 'education', 'housing', 'socialServices', 'situationTable'] as const;
export type ApiArea = { id: string; name: string; kind?: string; parent?: ApiArea | null } & {
  [S in (typeof SECTORS)[number]]?: { indicators: { indicator: { id: string }; observations: ApiObservation[] }[] } | null;
};
export interface ApiCatalogue {
  indicatorCatalogue: { id: string; name: string; sector: string; frameworkArea: string }[];
  frameworkAreas: { area: string; label: string }[];
}

/** Every sector's yearly series of an area, over `$from` to `$to`. */
export const SECTOR_SELECTION = SECTORS.map((s) => `${s} { indicators(from: $from, to: $to, granularity: YEAR) { indicator { id } observations { period { label } value perturbed suppressed suppressionReason } } }`).join('\n');

export async function askApi<T>(hub: BrowserHub, role: Role, query: string, variables: Record<string, unknown> = {}): Promise<{ data: T; errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[] }> {
  const token = role === 'public' ? undefined : await hub.token(role);
  const response = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: T };
}

export async function catalogue(hub: BrowserHub, language: 'EN' | 'FR' = 'EN'): Promise<ApiCatalogue> {
  const query = `query($language: Language!) { indicatorCatalogue { id name(language: $language) sector frameworkArea } frameworkAreas { area label(language: $language) } }`;
  return (await askApi<ApiCatalogue>(hub, 'public', query, { language })).data;
}

export function observation(area: ApiArea, indicatorId: string, year: string): ApiObservation | undefined {
  for (const sector of SECTORS) {
    const series = area[sector]?.indicators.find((s) => s.indicator.id === indicatorId);
    if (series) return series.observations.find((o) => o.period.label === year);
  }
  return undefined;
}

/** RFC 4180 CSV (CRLF line ends, quoted cells) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

/**
 * An English figure as shown ("5.38 †", "1,029.6 †", "withheld ‡") agrees with the API's
 * observation: its value rounded to the digits shown, † when perturbed, ‡ (and no value) when withheld.
 */
export function expectFigure(shown: string, expected: ApiObservation | undefined, context: string): void {
  const mark = shown.includes('‡') ? '‡' : shown.includes('†') ? '†' : '';
  const number = shown.match(/-?[\d,]*\.?\d+/);
  const value = mark === '‡' || !number ? null : Number(number[0].replace(/,/g, ''));
  const digits = shown.match(/\.(\d+)/)?.[1].length ?? 0;
  const wanted = { value: expected?.suppressed ? null : (expected?.value ?? null), mark: expected?.suppressed ? '‡' : expected?.perturbed && expected.value != null ? '†' : '' };
  // Within half a unit of the last digit shown (the page rounds as Intl.NumberFormat does).
  const close = value != null && wanted.value != null && Math.abs(value - wanted.value) <= 0.5 * 10 ** -digits + 1e-9;
  expect({ context, value: close ? wanted.value : value, mark }).toEqual({ context, ...wanted });
}

/** A table's rows as the eye reads them (without the words only screen readers get). */
export async function tableRows(page: Page, selector: string): Promise<string[][]> {
  return page.locator(`${selector} tr`).evaluateAll((rows) =>
    rows.map((row) =>
      [...row.children].map((cell) => {
        const clone = cell.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
        return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
    ),
  );
}

/** A CSV cell as its table cell reads: the mark right after the figure. */
export const asTableCell = (cell: string) => cell.replace(/ ([†‡])$/, '$1');
