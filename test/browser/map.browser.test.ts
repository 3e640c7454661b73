import type { Page } from 'playwright-core';
import { downloadText, expectNoAxeViolations, type Role, screenshot, useBrowserHub } from './support';

// The map view (issue 16, item 1) against a real hub: what it draws, marks and lists is compared
// with what the API answers the same viewer, never with numbers written here.

const INDICATOR = 'police.violent_crime_rate';
/** What the table says for each reason the API gives (written out, so a swapped entry fails). */
const REASONS: Record<string, string> = {
  SMALL_AREA: 'Withheld: the area is too small to publish this figure.',
  COARSE_GEOGRAPHY_ONLY: 'Withheld: published for larger areas only.',
  FINE_BREAKDOWN: 'Withheld: this breakdown is published by year only.',
};

interface Observation {
  period: { label: string };
  value: number | null;
  perturbed: boolean;
  suppressed: boolean;
  suppressionReason: string | null;
}
interface AreaValues {
  id: string;
  name: string;
  police: { indicators: { indicator: { id: string }; observations: Observation[] }[] } | null;
}

const hub = useBrowserHub('map');

const open = hub.open;

async function api<T>(role: Role, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = role === 'public' ? undefined : await hub.token(role);
  const response = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** What the API answers `role` for the indicator by `kind` in `year`, area by area. */
async function valuesFor(role: Role, kind: 'NEIGHBOURHOOD' | 'WARD', year: number): Promise<{ id: string; name: string; observation: Observation | undefined }[]> {
  const data = await api<{ areas: AreaValues[] }>(
    role,
    `query($kind: AreaKind!, $from: LocalDate!, $to: LocalDate!, $ids: [ID!]) { areas(kind: $kind) { id name police { indicators(from: $from, to: $to, ids: $ids) { indicator { id } observations { period { label } value perturbed suppressed suppressionReason } } } } }`,
    { kind, from: `${year}-01-01`, to: `${year}-12-31`, ids: [INDICATOR] },
  );
  return data.areas.map((area) => ({ id: area.id, name: area.name, observation: area.police?.indicators[0]?.observations.find((o) => o.period.label === String(year)) }));
}

const drawn = (page: Page) => page.locator('[data-testid="choropleth"] svg a[data-area]');
const tableRows = (page: Page) => page.locator('#map-table tbody tr');

async function waitForMap(page: Page): Promise<void> {
  await page.locator('#map-table tbody tr').first().waitFor();
  await drawn(page).first().waitFor();
}

async function shownYear(page: Page): Promise<number> {
  return Number(await page.getByTestId('map-year').inputValue());
}

/** The table as the reader sees it: one array of cell texts per row (marks' hidden words left out). */
async function tableCells(page: Page): Promise<{ id: string; cells: string[] }[]> {
  return page.$$eval('#map-table tbody tr', (rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('th, td')].map((cell) => {
        const copy = cell.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.visually-hidden, .mark').forEach((n) => n.remove());
        return (copy.textContent ?? '').trim();
      });
      const href = row.querySelector('a')?.getAttribute('href') ?? '';
      return { id: new URL(href, 'http://x').searchParams.get('area') ?? '', cells };
    }),
  );
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\r\n').filter(Boolean)) {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') cells.push(cell), (cell = '');
      else cell += c;
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

const en = new Intl.NumberFormat('en-CA', { maximumFractionDigits: 1 });
const fr = new Intl.NumberFormat('fr-CA', { maximumFractionDigits: 1 });

describe('the map, for a planner', () => {
  it('colours every area, with a classed legend, and lists each drawn area once in its table twin, with the values and marks the API gives', async () => {
    const page = await open(`/map?ind=${INDICATOR}&kind=neighbourhood`, { role: 'planner' });
    await waitForMap(page);
    const year = await shownYear(page);
    const expected = await valuesFor('planner', 'NEIGHBOURHOOD', year);

    await expect(drawn(page).count()).resolves.toBe(expected.length);
    await expect(tableRows(page).count()).resolves.toBe(expected.length);
    const fills = await page.$$eval('[data-testid="choropleth"] a[data-area] path', (paths) => paths.map((p) => p.getAttribute('fill')));
    const colours = new Set(fills.filter((f) => f && f.startsWith('#')));
    expect(colours.size).toBeGreaterThanOrEqual(3);
    const legendColours = await page.$$eval('[data-testid="map-legend"] li[data-colour]', (items) => items.map((i) => i.getAttribute('data-colour')));
    expect(new Set(legendColours)).toEqual(colours);
    await expect(page.locator('[data-testid="map-legend"] li[data-legend="withheld"]').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid="map-legend"] li[data-legend="no-data"]').count()).resolves.toBe(1);

    const cells = await tableCells(page);
    const shown = expected.filter((a) => a.observation && !a.observation.suppressed && a.observation.value != null);
    for (const area of expected) {
      const row = cells.find((r) => r.id === area.id)!;
      expect(row.cells[0]).toBe(area.name);
      const o = area.observation!;
      if (o.suppressed) expect(row.cells[1]).toBe('withheld');
      else expect(row.cells[1]).toBe(en.format(o.value!));
      const perturbedMark = await page.locator(`#map-table tbody tr:has(a[href*="area=${area.id}"]) .figure.perturbed`).count();
      expect(perturbedMark).toBe(o.perturbed && !o.suppressed ? 1 : 0);
      const rank = o.suppressed || o.value == null ? '' : String(shown.filter((s) => s.observation!.value! > o.value!).length + 1);
      expect(row.cells[3]).toBe(rank);
    }
    await screenshot(page, 'map-planner-en');
    await expectNoAxeViolations(page);
  });

  it('reaches an area with Tab, announces its value, and opens its profile with Enter', async () => {
    const page = await open(`/map?ind=${INDICATOR}&kind=ward`, { role: 'planner' });
    await waitForMap(page);
    const expected = await valuesFor('planner', 'WARD', await shownYear(page));
    let focused: string | null = null;
    for (let i = 0; i < 80 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.closest('[data-testid="choropleth"] a[data-area]')?.getAttribute('data-area') ?? null);
    }
    expect(focused).toBe(expected[0].id);
    const announced = await page.getByTestId('map-announcer').textContent();
    expect(announced).toContain(expected[0].name);
    expect(announced).toContain(en.format(expected[0].observation!.value!));
    await expect(page.getByTestId('map-tooltip').textContent()).resolves.toBe(announced);
    await screenshot(page, 'map-keyboard-focus');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/profile');
    expect(new URL(page.url()).searchParams.get('area')).toBe(expected[0].id);
  });

  it('exports exactly the table as CSV', async () => {
    const page = await open(`/map?ind=${INDICATOR}&kind=neighbourhood`, { role: 'planner' });
    await waitForMap(page);
    const csv = parseCsv(await downloadText(page, page.getByTestId('csv-export')));
    const headers = await page.$$eval('#map-table thead th', (ths) => ths.map((th) => th.textContent?.trim() ?? ''));
    expect(csv[0]).toEqual(headers);
    const cells = await tableCells(page);
    expect(csv.length - 1).toBe(cells.length);
    const marks = await page.$$eval('#map-table tbody tr', (rows) => rows.map((row) => row.querySelectorAll('td')[1]?.textContent?.trim() ?? ''));
    cells.forEach((row, i) => {
      expect(csv[i + 1][0]).toBe(row.cells[0]);
      expect(csv[i + 1][1]).toBe(row.cells[1]);
      expect(csv[i + 1][2]).toBe(marks[i]);
      expect(csv[i + 1][3]).toBe(row.cells[3]);
    });
  });

  it('keeps every choice in the URL: reloading it restores the same map', async () => {
    const page = await open('/map', { role: 'planner' });
    await waitForMap(page);
    await page.getByTestId('map-indicator').selectOption('health.ed_self_harm_rate');
    await page.getByTestId('map-kind').selectOption('ward');
    await page.locator('#map-classes').selectOption('jenks');
    await page.locator('#map-group').selectOption('framework');
    await page.waitForFunction(() => document.querySelectorAll('#map-table tbody tr').length > 0 && new URLSearchParams(location.search).get('kind') === 'ward');
    const years = await page.$$eval('#map-year option', (options) => options.map((o) => (o as HTMLOptionElement).value));
    const older = years[years.length - 1];
    await page.getByTestId('map-year').selectOption(older);
    await page.waitForFunction((y) => document.querySelector('[data-testid="map-title"]')?.textContent?.includes(y), older);
    const url = page.url();
    expect(Object.fromEntries(new URL(url).searchParams)).toEqual({ ind: 'health.ed_self_harm_rate', kind: 'ward', classes: 'jenks', group: 'framework', year: older });
    const title = await page.getByTestId('map-title').textContent();
    const cells = await tableCells(page);

    const again = await open(new URL(url).pathname + new URL(url).search, { role: 'planner' });
    await waitForMap(again);
    await again.waitForFunction((y) => document.querySelector('[data-testid="map-title"]')?.textContent?.includes(y), older);
    await expect(again.getByTestId('map-title').textContent()).resolves.toBe(title);
    await expect(again.getByTestId('map-indicator').inputValue()).resolves.toBe('health.ed_self_harm_rate');
    await expect(again.locator('#map-classes').inputValue()).resolves.toBe('jenks');
    await expect(tableCells(again)).resolves.toEqual(cells);
  });
});

describe('the map, for the public', () => {
  it('hatches and marks as withheld exactly the areas the API withholds from an anonymous caller, where a planner sees values', async () => {
    const page = await open(`/map?ind=${INDICATOR}&kind=neighbourhood`);
    await waitForMap(page);
    const year = await shownYear(page);
    const publicValues = await valuesFor('public', 'NEIGHBOURHOOD', year);
    const plannerValues = await valuesFor('planner', 'NEIGHBOURHOOD', year);
    const withheld = publicValues.filter((a) => a.observation?.suppressed).map((a) => a.id);
    // The rules make a difference here: otherwise this test would prove nothing.
    expect(withheld.length).toBeGreaterThan(plannerValues.filter((a) => a.observation?.suppressed).length);

    const hatched = await page.$$eval('[data-testid="choropleth"] a[data-withheld="true"]', (links) => links.map((a) => a.getAttribute('data-area')));
    expect(hatched.sort()).toEqual([...withheld].sort());
    const hatchFills = await page.$$eval('[data-testid="choropleth"] a[data-withheld="true"] path', (paths) => paths.map((p) => p.getAttribute('fill')));
    expect(hatchFills.every((f) => f?.startsWith('url(#'))).toBe(true);
    const cells = await tableCells(page);
    for (const id of withheld) {
      const reason = publicValues.find((a) => a.id === id)!.observation!.suppressionReason;
      const row = cells.find((r) => r.id === id)!;
      expect(row.cells[1]).toBe('withheld');
      expect(row.cells[2]).toBe(REASONS[reason!]);
    }
    await screenshot(page, 'map-public-en');
    await expectNoAxeViolations(page);
  });
});

describe('the map in French', () => {
  it('shows the hub’s French indicator name, French words and French numbers', async () => {
    const page = await open(`/map?ind=${INDICATOR}&kind=ward`, { role: 'planner', lang: 'fr' });
    await waitForMap(page);
    const year = await shownYear(page);
    const { indicator } = await api<{ indicator: { name: string } }>('planner', `{ indicator(id: "${INDICATOR}") { name(language: FR) } }`);
    await expect(page.getByTestId('map-title').textContent()).resolves.toBe(`${indicator.name}, ${year}, par quartier électoral`);
    await expect(page.locator('[data-testid="map-legend"] li[data-legend="withheld"]').textContent()).resolves.toContain('Masqué (hachuré)');
    const expected = await valuesFor('planner', 'WARD', year);
    const cells = await tableCells(page);
    for (const area of expected) expect(cells.find((r) => r.id === area.id)!.cells[1]).toBe(fr.format(area.observation!.value!));
    await expect(page.getByTestId('csv-export').textContent()).resolves.toBe('Télécharger le CSV');
    await screenshot(page, 'map-planner-fr');
    await expectNoAxeViolations(page);
  });
});
