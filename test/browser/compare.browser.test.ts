import type { Page } from 'playwright-core';
import { type ApiArea, askApi, asTableCell, catalogue as apiCatalogue, expectFigure, observation, parseCsv, SECTOR_SELECTION, tableRows } from './areaFigures';
import { downloadText, expectNoAxeViolations, type Role, screenshot, useBrowserHub } from './support';

// Compare areas (issue 16, item 3) against a real hub: figures checked against what the API answers
// the same token, never against numbers written here.

const hub = useBrowserHub('compare');
let areas: { id: string; name: string; kind: string }[];

beforeAll(async () => {
  areas = (await api<{ areas: typeof areas }>('public', '{ areas { id name kind } }')).data.areas;
});

const api = <T>(role: Role, query: string, variables: Record<string, unknown> = {}) => askApi<T>(hub, role, query, variables);
const catalogue = (language: 'EN' | 'FR' = 'EN') => apiCatalogue(hub, language);

const open = hub.open;

const SECTOR_QUERY = `query($id: ID!, $from: LocalDate!, $to: LocalDate!) { area(id: $id) { id name kind ${SECTOR_SELECTION} } }`;

async function areaFromApi(role: Role, id: string, year: string): Promise<ApiArea> {
  const { data, errors } = await api<{ area: ApiArea }>(role, SECTOR_QUERY, { id, from: `${year}-01-01`, to: `${year}-12-31` });
  expect(errors ?? []).toEqual([]);
  return data.area;
}

const compareCsv = async (page: Page) => parseCsv(await downloadText(page, page.locator('[data-testid=csv-export]')));
const latestYear = async (page: Page) => (await page.locator('#compare-table caption').textContent())!.match(/(\d{4})$/)![1];

/** The CSV's figures are the API's for the same viewer, in the latest year shown, with the API's marks. */
async function expectApiFigures(role: Role, csv: string[][], ids: string[], year: string, names: Map<string, string>) {
  const fromApi = await Promise.all(ids.map((id) => areaFromApi(role, id, year)));
  expect(csv[0].slice(2)).toEqual(fromApi.map((a) => a.name));
  for (const row of csv.slice(1)) {
    const id = names.get(row[0])!;
    expect(id).toBeDefined();
    fromApi.forEach((area, index) => expectFigure(row[2 + index], observation(area, id, year), `${id} ${area.id}`));
  }
  return fromApi;
}

test('a planner compares neighbourhoods and a ward: the table and the CSV give the API’s latest figures with marks, one chart per indicator', async () => {
  const chosen = [areas.filter((a) => a.kind === 'NEIGHBOURHOOD')[0], areas.filter((a) => a.kind === 'NEIGHBOURHOOD')[5], areas.filter((a) => a.kind === 'WARD')[1]];
  const page = await open(`/compare?areas=${chosen.map((a) => a.id).join(',')}`, { role: 'planner' });
  await page.locator('#compare-table').waitFor();
  const { indicatorCatalogue } = await catalogue();
  const csv = await compareCsv(page);
  expect(csv[0]).toEqual(['Indicator', 'Unit', ...chosen.map((a) => a.name)]);
  expect(csv.length - 1).toBe(indicatorCatalogue.length);
  const year = await latestYear(page);
  await expectApiFigures('planner', csv, chosen.map((a) => a.id), year, new Map(indicatorCatalogue.map((i) => [i.name, i.id])));
  expect(csv.slice(1).some((row) => row.slice(2).some((cell) => cell.includes('†')))).toBe(true);
  // The CSV is the table as shown.
  expect(await tableRows(page, '#compare-table')).toEqual(csv.map((row) => row.map(asTableCell)));
  // Small multiples: one chart per indicator, one line per area, each with a table twin.
  await expect(page.locator('.compare-chart svg[role=img]').count()).resolves.toBe(indicatorCatalogue.length);
  await expect(page.locator('.compare-chart').first().locator('.chart-legend li').evaluateAll((items) => items.map((i) => i.textContent!.trim()))).resolves.toEqual(chosen.map((a) => a.name));
  await expect(page.locator('.compare-chart details table').count()).resolves.toBe(indicatorCatalogue.length);
  // The query behind the view: one document for every area, with the ids sent.
  await page.locator('[data-testid=query-behind] summary').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=query-document]')?.textContent?.includes('query CompareAreas('));
  expect(JSON.parse((await page.locator('[data-testid=query-variables]').textContent())!)).toMatchObject({ a1: chosen[0].id, a2: chosen[1].id, a3: chosen[2].id, with2: true, with3: true, language: 'EN' });
  await expectNoAxeViolations(page);
  await screenshot(page, 'compare-planner-en');
});

test('six areas fit in the one request (within the operation limits); a public viewer sees wards, and neighbourhoods withheld ‡', async () => {
  const six = [...areas.filter((a) => a.kind === 'NEIGHBOURHOOD').slice(0, 2), ...areas.filter((a) => a.kind === 'WARD'), areas.find((a) => a.kind === 'MUNICIPALITY')!].slice(0, 6);
  expect(six).toHaveLength(6);
  const page = await open(`/compare?areas=${six.map((a) => a.id).join(',')}`);
  await page.locator('#compare-table').waitFor();
  await expect(page.locator('main [role=alert]').count()).resolves.toBe(0);
  const { indicatorCatalogue } = await catalogue();
  const csv = await compareCsv(page);
  const fromApi = await expectApiFigures('public', csv, six.map((a) => a.id), await latestYear(page), new Map(indicatorCatalogue.map((i) => [i.name, i.id])));
  // Every neighbourhood figure withheld, but where the hub holds no data for the year at all.
  for (const row of csv.slice(1)) {
    for (const cell of row.slice(2, 4)) expect(['withheld ‡', 'no data']).toContain(cell);
    expect(row[4]).not.toContain('‡');
  }
  expect(csv.slice(1).filter((row) => row[2] === 'withheld ‡').length).toBeGreaterThan(0);
  expect(fromApi.map((a) => a.kind)).toEqual(six.map((a) => a.kind));
  await expect(page.getByTestId('coarse-notice').textContent()).resolves.toBe(`Figures for single neighbourhoods (${six[0].name}, ${six[1].name}) are not shown to your role (‡); wards and the city are.`);
  // The Add button is off with six areas; the page says why.
  await expect(page.getByTestId('compare-add-button').isDisabled()).resolves.toBe(true);
  await expect(page.locator('.compare-chart [data-mark=withheld]').count()).resolves.toBeGreaterThan(0);
  await expectNoAxeViolations(page);
  await screenshot(page, 'compare-public-six-en');
});

test('areas are added and removed from the keyboard, indicators filtered; the URL restores every choice', async () => {
  const wards = areas.filter((a) => a.kind === 'WARD');
  // The first area of the select (the city, listed first): what ArrowDown picks from its placeholder.
  const added = areas.find((a) => a.kind === 'MUNICIPALITY')!;
  const page = await open(`/compare?areas=${wards[0].id},${wards[1].id}`, { role: 'planner' });
  await page.locator('#compare-table').waitFor();
  // Add the city: choose it in the select with the keyboard, then Enter on Add.
  await page.getByLabel('Area to add', { exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Area to add', { exact: true }).inputValue()).resolves.toBe(added.id);
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('compare-add-button');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('areas') === `${wards[0].id},${wards[1].id},${added.id}`);
  await page.locator('#compare-table thead th', { hasText: added.name }).waitFor();
  await expect(page.locator('#compare-table thead th').allTextContents()).resolves.toEqual(['Indicator', 'Unit', wards[0].name, wards[1].name, added.name]);
  // Remove the first ward with its button; focus stays on the list.
  await page.getByRole('button', { name: `Remove ${wards[0].name}` }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('areas') === `${wards[1].id},${added.id}`);
  // Focus moves once the list has rendered without the ward removed.
  await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, `Remove ${wards[1].name}`, { timeout: 5_000 });
  await page.locator('#compare-table').waitFor();
  // Indicators of one framework area only.
  const { indicatorCatalogue, frameworkAreas } = await catalogue();
  const prevention = frameworkAreas.find((f) => f.area === 'PREVENTION')!;
  await page.getByLabel('Indicators', { exact: true }).selectOption({ label: prevention.label });
  await page.waitForURL((url) => url.searchParams.get('fa') === 'PREVENTION');
  const wanted = indicatorCatalogue.filter((i) => i.frameworkArea === 'PREVENTION').map((i) => i.name);
  expect((await page.locator('#compare-table tbody th').allTextContents()).sort()).toEqual(wanted.sort());
  await page.getByLabel('From', { exact: true }).selectOption('2022');
  await page.waitForURL((url) => url.searchParams.get('from') === '2022');
  await page.locator('#compare-table').waitFor();
  const url = page.url();
  const table = await tableRows(page.locator('#compare-table').page(), '#compare-table');
  await page.reload();
  await page.locator('#compare-table').waitFor();
  expect(page.url()).toBe(url);
  await expect(page.getByLabel('Indicators', { exact: true }).inputValue()).resolves.toBe('fa:PREVENTION');
  await expect(page.getByLabel('From', { exact: true }).inputValue()).resolves.toBe('2022');
  await expect(page.locator('[data-testid=chosen-areas] li').evaluateAll((items) => items.map((i) => i.getAttribute('data-area')))).resolves.toEqual([wards[1].id, added.id]);
  expect(await tableRows(page, '#compare-table')).toEqual(table);
  // By sector: only that sector's indicators.
  await page.getByLabel('Indicators', { exact: true }).selectOption('sector:police');
  await page.waitForURL((u) => u.searchParams.get('sector') === 'police' && !u.searchParams.has('fa'));
  await expect(page.locator('#compare-table tbody th').count()).resolves.toBe(indicatorCatalogue.filter((i) => i.sector === 'police').length);
});

test('in French, the words are French, with the API’s French indicator names', async () => {
  const wards = areas.filter((a) => a.kind === 'WARD');
  const french = await catalogue('FR');
  const english = await catalogue('EN');
  const page = await open(`/compare?areas=${wards[0].id},${wards[1].id}`, { role: 'planner', lang: 'fr' });
  await page.locator('#compare-table').waitFor();
  await expect(page.locator('main h1').textContent()).resolves.toBe('Comparer des secteurs');
  await expect(page.locator('#compare-table thead th').first().textContent()).resolves.toBe('Indicateur');
  const names = await page.locator('#compare-table tbody th').allTextContents();
  expect(new Set(names)).toEqual(new Set(french.indicatorCatalogue.map((i) => i.name)));
  expect(names.some((name) => english.indicatorCatalogue.some((i) => i.name === name))).toBe(false);
  await expect(page.getByRole('button', { name: `Retirer ${wards[0].name}` }).count()).resolves.toBe(1);
  await expect(page.getByText('Secteurs comparés', { exact: true }).count()).resolves.toBe(1);
  await expectNoAxeViolations(page);
  await screenshot(page, 'compare-planner-fr');
});
