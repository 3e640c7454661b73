import type { Page } from 'playwright-core';
import { type ApiArea, askApi, asTableCell, catalogue as apiCatalogue, expectFigure, observation, parseCsv, SECTOR_SELECTION, tableRows } from './areaFigures';
import { downloadText, expectNoAxeViolations, type Role, screenshot, useBrowserHub } from './support';

// The area profile (issue 16, item 2) against a real hub: every figure is checked against what the
// API answers the same token, never against numbers written here.

const hub = useBrowserHub('profile');

const api = <T>(role: Role, query: string, variables: Record<string, unknown> = {}) => askApi<T>(hub, role, query, variables);
const catalogue = (language: 'EN' | 'FR' = 'EN') => apiCatalogue(hub, language);

const open = hub.open;

/** The area, its ward and the city as the API gives them to `role`, over the years the page shows. */
async function profileFromApi(role: Role, id: string, from: string, to: string): Promise<ApiArea[]> {
  const { data, errors } = await api<{ area: ApiArea }>(
    role,
    `query($id: ID!, $from: LocalDate!, $to: LocalDate!) { area(id: $id) { id name ${SECTOR_SELECTION} parent { id name ${SECTOR_SELECTION} parent { id name ${SECTOR_SELECTION} } } } }`,
    { id, from: `${from}-01-01`, to: `${to}-12-31` },
  );
  expect(errors ?? []).toEqual([]);
  const chain: ApiArea[] = [];
  for (let area: ApiArea | null | undefined = data.area; area; area = area.parent) chain.push(area);
  return chain;
}

async function firstNeighbourhood(): Promise<{ id: string; name: string; parent: { id: string; name: string; parent: { id: string; name: string } } }> {
  const { data } = await api<{ areas: { id: string; name: string; parent: { id: string; name: string; parent: { id: string; name: string } } }[] }>('public', '{ areas(kind: NEIGHBOURHOOD) { id name parent { id name parent { id name } } } }');
  return data.areas[1];
}

async function profileCsv(page: Page): Promise<string[][]> {
  return parseCsv(await downloadText(page, page.locator('.profile-table [data-testid=csv-export]')));
}

test("a planner's profile of a neighbourhood shows every sector beside its ward and the city, with the API's figures and marks", async () => {
  const neighbourhood = await firstNeighbourhood();
  const page = await open(`/profile?area=${neighbourhood.id}`, { role: 'planner' });
  await expect(page.locator('[data-testid=profile-area]').textContent()).resolves.toBe(neighbourhood.name);
  await expect(page.locator('.profile-beside').textContent()).resolves.toContain(`${neighbourhood.parent.name} and ${neighbourhood.parent.parent.name}`);
  // One card per indicator of the catalogue, every sector's, none refused to a planner.
  const { indicatorCatalogue } = await catalogue();
  await expect(page.locator('.indicator-card').count()).resolves.toBe(indicatorCatalogue.length);
  expect(new Set(await page.locator('.indicator-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-indicator')!.split('.')[0])))).toEqual(new Set(indicatorCatalogue.map((i) => i.sector)));
  await expect(page.getByText('not shown to your role').count()).resolves.toBe(0);
  await expect(page.locator('.indicator-card svg[role=img]').count()).resolves.toBe(indicatorCatalogue.length);

  const csv = await profileCsv(page);
  expect(csv[0]).toEqual(['Framework area', 'Indicator', 'Unit', 'Year', neighbourhood.name, neighbourhood.parent.name, neighbourhood.parent.parent.name]);
  const years = [...new Set(csv.slice(1).map((row) => row[3]))];
  expect(years.length).toBeGreaterThan(1);
  const chain = await profileFromApi('planner', neighbourhood.id, years[0], years[years.length - 1]);
  expect(chain.map((a) => a.id)).toEqual([neighbourhood.id, neighbourhood.parent.id, neighbourhood.parent.parent.id]);
  const idByName = new Map(indicatorCatalogue.map((i) => [i.name, i.id]));
  expect(csv.length - 1).toBe(indicatorCatalogue.length * years.length);
  let perturbed = 0;
  for (const row of csv.slice(1)) {
    const id = idByName.get(row[1])!;
    expect(id).toBeDefined();
    chain.forEach((area, index) => expectFigure(row[4 + index], observation(area, id, row[3]), `${id} ${row[3]} ${area.id}`));
    perturbed += row.slice(4).filter((cell) => cell.includes('†')).length;
  }
  // A planner's figures are perturbed counts: marked so.
  expect(perturbed).toBeGreaterThan(0);

  // The CSV is the table as shown.
  await page.locator('[data-testid=profile-table] summary').click();
  const table = await tableRows(page, '#profile-table');
  expect(table).toEqual(csv.map((row) => row.map(asTableCell)));
  // Hollow (perturbed) points are drawn where the API says perturbed.
  await expect(page.locator('.indicator-card [data-mark=perturbed]').count()).resolves.toBeGreaterThan(0);
  // The query behind the view: the document and the variables sent.
  await page.locator('[data-testid=query-behind] summary').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=query-document]')?.textContent?.includes('query ProfileArea('));
  expect(JSON.parse((await page.locator('[data-testid=query-variables]').textContent())!)).toEqual({ id: neighbourhood.id, from: expect.stringMatching(/^\d{4}-01-01$/), to: expect.stringMatching(/^\d{4}-12-31$/), language: 'EN' });
  await expectNoAxeViolations(page);
  await screenshot(page, 'profile-planner-en');
});

test("a public viewer's profile of a neighbourhood withholds its figures as the rules say, and shows its ward's and the city's", async () => {
  const neighbourhood = await firstNeighbourhood();
  const page = await open(`/profile?area=${neighbourhood.id}`);
  await expect(page.locator('[data-testid=coarse-notice]').textContent()).resolves.toContain('not shown to your role');
  const csv = await profileCsv(page);
  const years = [...new Set(csv.slice(1).map((row) => row[3]))];
  const chain = await profileFromApi('public', neighbourhood.id, years[0], years[years.length - 1]);
  const { indicatorCatalogue } = await catalogue();
  const idByName = new Map(indicatorCatalogue.map((i) => [i.name, i.id]));
  for (const row of csv.slice(1)) {
    const id = idByName.get(row[1])!;
    chain.forEach((area, index) => expectFigure(row[4 + index], observation(area, id, row[3]), `${id} ${row[3]} ${area.id}`));
    // The neighbourhood's figures are withheld for the public (but for a year the hub holds no data of), its ward's are not.
    expect(['withheld ‡', 'no data']).toContain(row[4]);
    expect(row[5]).not.toContain('‡');
  }
  expect(csv.slice(1).filter((row) => row[4] === 'withheld ‡').length).toBeGreaterThan(csv.slice(1).length / 2);
  // Withheld points are gaps marked ‡ in the charts, never a line through zero.
  await expect(page.locator('.indicator-card [data-mark=withheld]').count()).resolves.toBeGreaterThan(0);
  await expect(page.locator('.indicator-card [data-series="' + neighbourhood.id + '"] path').count()).resolves.toBe(0);
  await expectNoAxeViolations(page);
  await screenshot(page, 'profile-public-en');
});

test('the URL restores the area, grouping and years; the pickers work from the keyboard', async () => {
  const { data } = await api<{ areas: { id: string; name: string; kind: string }[] }>('public', '{ areas { id name kind } }');
  const page = await open('/profile', { role: 'planner' });
  // Without an area: the city.
  const city = data.areas.find((a) => a.kind === 'MUNICIPALITY')!;
  await expect(page.locator('[data-testid=profile-area]').textContent()).resolves.toBe(city.name);
  const select = page.getByLabel('Area', { exact: true });
  const requests: string[] = [];
  page.on('request', (request) => request.url().endsWith('/graphql') && requests.push(request.postData() ?? ''));
  await select.focus();
  await page.keyboard.press('ArrowDown');
  const next = data.areas.filter((a) => a.kind === 'WARD')[0];
  await page.waitForURL((url) => url.searchParams.get('area') === next.id);
  await page.locator('[data-testid=profile-area]', { hasText: next.name }).waitFor();
  // One request for the area, its parent and every sector.
  expect(requests.map((body) => JSON.parse(body).variables.id)).toEqual([next.id]);
  await page.getByLabel('Sector', { exact: true }).focus();
  await page.keyboard.press('Space');
  await page.waitForURL((url) => url.searchParams.get('group') === 'sector');
  await page.getByLabel('From', { exact: true }).selectOption('2022');
  await page.getByLabel('To', { exact: true }).selectOption('2023');
  await page.waitForURL((url) => url.searchParams.get('from') === '2022' && url.searchParams.get('to') === '2023');
  await page.locator('[data-testid=profile-area]', { hasText: next.name }).waitFor();
  const before = await page.locator('.profile-group h3').allTextContents();
  await page.reload();
  await page.locator('[data-testid=profile-area]', { hasText: next.name }).waitFor();
  await expect(page.getByLabel('Area', { exact: true }).inputValue()).resolves.toBe(next.id);
  await expect(page.getByLabel('Sector', { exact: true }).isChecked()).resolves.toBe(true);
  await expect(page.locator('.profile-group h3').allTextContents()).resolves.toEqual(before);
  const csv = await profileCsv(page);
  expect([...new Set(csv.slice(1).map((row) => row[3]))]).toEqual(['2022', '2023']);
  // A ward's profile: the ward beside the city.
  expect(csv[0]).toEqual(['Sector', 'Indicator', 'Unit', 'Year', next.name, city.name]);
});

test('in French, the words are French, the framework areas and indicator names the API’s French ones', async () => {
  const neighbourhood = await firstNeighbourhood();
  const french = await catalogue('FR');
  const english = await catalogue('EN');
  const page = await open(`/profile?area=${neighbourhood.id}`, { role: 'planner', lang: 'fr' });
  await page.locator('[data-testid=profile-area]').waitFor();
  await expect(page.locator('main h1').textContent()).resolves.toBe('Profil du secteur');
  await expect(page.locator('.profile-group h3').allTextContents()).resolves.toEqual(french.frameworkAreas.map((f) => f.label));
  const names = await page.locator('.indicator-card h4').allTextContents();
  expect(new Set(names)).toEqual(new Set(french.indicatorCatalogue.map((i) => i.name)));
  expect(names.some((name) => english.indicatorCatalogue.some((i) => i.name === name))).toBe(false);
  await expect(page.getByText('Regrouper les indicateurs par').count()).resolves.toBe(1);
  const csv = await profileCsv(page);
  expect(csv[0].slice(0, 4)).toEqual(['Domaine du cadre', 'Indicateur', 'Unité', 'Année']);
  await expectNoAxeViolations(page);
  await screenshot(page, 'profile-planner-fr');
  const publicPage = await open(`/profile?area=${neighbourhood.id}`, { lang: 'fr' });
  await expect(publicPage.locator('[data-testid=coarse-notice]').textContent()).resolves.toContain('pas communiqués à votre rôle');
  await screenshot(publicPage, 'profile-public-fr');
});
