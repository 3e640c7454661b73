import type { Page, Response } from 'playwright-core';
import { downloadText, expectNoAxeViolations, screenshot, useBrowserHub } from './support';
import { askHub, documentId, formatted, parseCsv, settled, tableText } from './tableHelpers';

// Situation Table analytics against a real hub: figures only for roles the hub grants them
// (aggregates:read), each the one it answers the same token; the notice and nothing else otherwise.

interface Count {
  discussions?: number | null;
  engagements?: number | null;
  perturbed: boolean;
  suppressed: boolean;
  suppressionReason: string | null;
}
interface Analytics {
  riskFactorTaxonomy: { category: string; label: string }[];
  situationTableAnalytics: {
    exact: boolean;
    perturbed: boolean;
    discussions: number | null;
    aerMet: number | null;
    riskLowered: number | null;
    byPeriod: (Count & { period: { label: string } })[];
    byRiskCategory: (Count & { category: string })[];
    byAgeGroup: (Count & { ageGroup: string })[];
    agenciesMostEngaged: (Count & { agency: string })[];
  } | null;
}
interface Choices {
  neighbourhoods: { id: string; name: string }[];
  areas: { situationTable: { indicators: { observations: { period: { label: string }; value: number | null; suppressed: boolean }[] }[] } }[];
}

const hub = useBrowserHub('situation_table');
const thisYear = new Date().getUTCFullYear();
// The window the view asks for its choices: this year and the five before (web/src/api/years.ts).
const CHOICES = { from: `${thisYear - 5}-01-01`, to: `${thisYear}-12-31` };


/** Opens the view, keeping every analytics answer the page received. */
async function open(path: string, options?: Parameters<typeof hub.open>[1]): Promise<{ page: Page; answers: Analytics[] }> {
  const answers: Analytics[] = [];
  const id = documentId('SituationTableAnalyticsView');
  const page = await hub.open('/map', options);
  page.on('response', (response: Response) => {
    const body = response.request().postData();
    if (response.url().endsWith('/graphql') && body?.includes(id)) void response.json().then((json: { data: Analytics }) => answers.push(json.data));
  });
  await page.goto(new URL(path + (options?.lang ? `${path.includes('?') ? '&' : '?'}lang=${options.lang}` : ''), hub.url).toString());
  await page.locator('main h1').waitFor();
  await settled(page);
  return { page, answers };
}

async function latestYear(token: string): Promise<number> {
  const choices = (await askHub<Choices>(hub, 'SituationTableChoices', CHOICES, token)).data!;
  const years = choices.areas[0].situationTable.indicators[0].observations.filter((o) => o.suppressed || (o.value ?? 0) > 0).map((o) => Number(o.period.label));
  expect(years.length).toBeGreaterThan(0);
  return years[years.length - 1];
}

const figure = (count: number | null, perturbed: boolean) => (count == null ? 'withheld‡' : `${formatted(count, 0)}${perturbed ? '†' : ''}`);

for (const role of ['public', 'situation-table'] as const) {
  test(`${role === 'public' ? 'the public' : 'a Situation Table member'} (no aggregates:read) sees the notice and no figures, and the hub sends none`, async () => {
    const { page, answers } = await open('/situation-table?per=quarter&q=2', role === 'public' ? undefined : { role });
    const notice = page.getByTestId('not-available');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('not available to your role');
    // Nothing but the heading and the notice.
    expect((await page.locator('main').innerText()).replace(/\s+/g, ' ').trim()).toBe(`Situation Tables ${(await notice.innerText()).replace(/\s+/g, ' ').trim()}`);
    await expect(page.locator('main table, main svg, main select, main input').count()).resolves.toBe(0);
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) expect(answer.situationTableAnalytics).toBeNull();
    // What the hub answers this role directly: null, with the refusal's code.
    const token = role === 'public' ? undefined : await hub.token(role);
    const direct = await askHub<Analytics>(hub, 'SituationTableAnalyticsView', { from: '2024-01-01', to: '2024-12-31', areaId: null, granularity: 'MONTH', language: 'EN' }, token);
    expect(direct.data?.situationTableAnalytics ?? null).toBeNull();
    expect(direct.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHORIZED_FIELD_OR_TYPE');
    await expectNoAxeViolations(page);
    if (role === 'public') await screenshot(page, 'situation-table-public-en');
  });
}

test('a planner sees perturbed analytics for the latest year, equal to what the hub answers, with marks', async () => {
  const token = await hub.token('planner');
  const year = await latestYear(token);
  const variables = { from: `${year}-01-01`, to: `${year}-12-31`, areaId: null, granularity: 'MONTH', language: 'EN' };
  const answer = (await askHub<Analytics>(hub, 'SituationTableAnalyticsView', variables, token)).data!;
  const analytics = answer.situationTableAnalytics!;
  expect(analytics.perturbed).toBe(true);
  const { page } = await open('/situation-table', { role: 'planner' });
  expect(JSON.parse((await page.getByTestId('query-variables').textContent())!)).toEqual(variables);
  expect((await page.locator('[data-field=discussions]').textContent())!.replace(/\s+/g, '')).toBe(`${figure(analytics.discussions, true)}(perturbed)`);
  // By month: the hub's periods and counts, each marked perturbed.
  const periods = (await tableText(page.locator('#st-periods-table'))).slice(1);
  expect(periods).toEqual(analytics.byPeriod.map((row) => [row.period.label, figure(row.discussions ?? null, row.perturbed)]));
  expect(periods.length).toBe(12);
  // The top risk categories in the taxonomy's words.
  const label = (category: string) => answer.riskFactorTaxonomy.find((info) => info.category === category)!.label;
  const top = [...analytics.byRiskCategory].sort((a, b) => (b.discussions ?? -1) - (a.discussions ?? -1) || label(a.category).localeCompare(label(b.category), 'en-CA')).slice(0, 10);
  const categories = (await tableText(page.locator('#st-categories-table'))).slice(1);
  expect(categories.map((cells) => [cells[0], cells[1]])).toEqual(top.map((row) => [label(row.category).replace(/\s+/g, ''), figure(row.discussions ?? null, row.perturbed)]));
  const ages = (await tableText(page.locator('#st-ages-table'))).slice(1);
  expect(ages.map((cells) => cells[1])).toEqual(analytics.byAgeGroup.map((row) => figure(row.discussions ?? null, row.perturbed)));
  const agencies = (await tableText(page.locator('#st-agencies-table'))).slice(1);
  expect(agencies.map((cells) => cells[1])).toEqual(analytics.agenciesMostEngaged.map((row) => figure(row.engagements ?? null, row.perturbed)));
  // Charts: images with a summary naming what they show.
  const chart = page.locator('[data-testid=st-categories] svg');
  await expect(chart.getAttribute('role')).resolves.toBe('img');
  expect(await chart.getAttribute('aria-label')).toContain(label(top[0].category));
  // CSV: exactly the table.
  expect(parseCsv(await downloadText(page, page.locator('[data-testid=st-categories] [data-testid=csv-export]')))).toEqual(await tableText(page.locator('#st-categories-table')));
  // The city's yearly trend: the hub's yearly series, and its CSV.
  const choices = (await askHub<Choices>(hub, 'SituationTableChoices', CHOICES, token)).data!;
  const yearly = choices.areas[0].situationTable.indicators[0].observations.filter((o) => o.suppressed || (o.value ?? 0) > 0);
  const years = await tableText(page.locator('#st-years-table'));
  expect(years.slice(1).map((cells) => cells[0])).toEqual(yearly.map((o) => o.period.label));
  expect(parseCsv(await downloadText(page, page.locator('[data-testid=st-years] [data-testid=csv-export]')))).toEqual(years);
  await expectNoAxeViolations(page);
  await screenshot(page, 'situation-table-planner-en');
});

test('the period pickers offer one calendar year, quarter or month, work from the keyboard, and the URL restores them', async () => {
  const token = await hub.token('planner');
  const year = await latestYear(token);
  const { page } = await open('/situation-table', { role: 'planner' });
  // Keyboard: the period kind is a radio group (arrow keys), the quarter a select.
  await page.locator('input[name=period-kind][value=year]').focus();
  await page.keyboard.press('ArrowRight');
  await settled(page);
  expect(new URL(page.url()).searchParams.get('per')).toBe('quarter');
  await page.locator('#st-quarter').focus();
  await page.keyboard.press('ArrowDown');
  await settled(page);
  const url = new URL(page.url());
  expect(url.searchParams.get('q')).toBe('2');
  const variables = { from: `${year}-04-01`, to: `${year}-06-30`, areaId: null, granularity: 'MONTH', language: 'EN' };
  expect(JSON.parse((await page.getByTestId('query-variables').textContent())!)).toEqual(variables);
  const analytics = (await askHub<Analytics>(hub, 'SituationTableAnalyticsView', variables, token)).data!.situationTableAnalytics!;
  expect((await tableText(page.locator('#st-periods-table'))).slice(1)).toEqual(analytics.byPeriod.map((row) => [row.period.label, figure(row.discussions ?? null, row.perturbed)]));

  // A neighbourhood's breakdowns are published by year only: by quarter they are withheld, with the reason.
  const choices = (await askHub<Choices>(hub, 'SituationTableChoices', CHOICES, token)).data!;
  const neighbourhood = choices.neighbourhoods[0];
  await page.locator('#st-area').selectOption(neighbourhood.id);
  await settled(page);
  const withheld = await page.locator('#st-ages-table .figure.withheld').count();
  expect(withheld).toBe(7);
  expect(await page.locator('#st-ages-table').innerText()).toContain('published by year only');

  await page.reload();
  await settled(page);
  await expect(page.locator('input[name=period-kind][value=quarter]').isChecked()).resolves.toBe(true);
  await expect(page.locator('#st-quarter').inputValue()).resolves.toBe('2');
  await expect(page.locator('#st-area').inputValue()).resolves.toBe(neighbourhood.id);
  expect(JSON.parse((await page.getByTestId('query-variables').textContent())!)).toEqual({ ...variables, areaId: neighbourhood.id });

  // A month, then back to the year by quarter.
  await page.locator('input[name=period-kind][value=month]').check();
  await settled(page);
  await page.locator('#st-month').selectOption('3');
  await settled(page);
  expect(JSON.parse((await page.getByTestId('query-variables').textContent())!)).toMatchObject({ from: `${year}-03-01`, to: `${year}-03-31` });
  await expectNoAxeViolations(page);
});

test('a Situation Table analyst (records:read:situation-table) sees exact counts, without perturbation marks', async () => {
  const token = await hub.token('sector-analyst', 'situation-table');
  const year = await latestYear(token);
  const variables = { from: `${year}-01-01`, to: `${year}-12-31`, areaId: null, granularity: 'MONTH', language: 'EN' };
  const analytics = (await askHub<Analytics>(hub, 'SituationTableAnalyticsView', variables, token)).data!.situationTableAnalytics!;
  expect(analytics.exact).toBe(true);
  const { page } = await open('/situation-table', { role: 'sector-analyst', sector: 'situation-table' });
  expect((await page.locator('[data-field=discussions]').textContent())!.replace(/\s+/g, '')).toBe(figure(analytics.discussions, false));
  expect((await tableText(page.locator('#st-periods-table'))).slice(1)).toEqual(analytics.byPeriod.map((row) => [row.period.label, figure(row.discussions ?? null, false)]));
  await expect(page.locator('main .figure.perturbed').count()).resolves.toBe(0);
});

test('in French, risk-factor categories come from the hub in French', async () => {
  const token = await hub.token('planner');
  const year = await latestYear(token);
  const answer = (await askHub<Analytics>(hub, 'SituationTableAnalyticsView', { from: `${year}-01-01`, to: `${year}-12-31`, areaId: null, granularity: 'MONTH', language: 'FR' }, token)).data!;
  const { page } = await open('/situation-table', { role: 'planner', lang: 'fr' });
  const labels = (await tableText(page.locator('#st-categories-table'))).slice(1).map((cells) => cells[0]);
  const french = answer.riskFactorTaxonomy.map((info) => info.label.replace(/\s+/g, ''));
  for (const label of labels) expect(french).toContain(label);
  expect(await page.locator('legend').innerText()).toBe('Période');
  await expectNoAxeViolations(page);
  await screenshot(page, 'situation-table-planner-fr');
});
