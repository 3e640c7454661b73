import type { Page } from 'playwright-core';
import { downloadText, expectNoAxeViolations, type Role, screenshot, useBrowserHub } from './support';

// The risk analysis view (issue 16, item 4; toolkit tool 5) against a real hub: the ranking it draws
// and lists is compared with what riskAnalysis answers the same viewer for the same inputs.

const PICKED = [
  { indicatorId: 'police.violent_crime_rate', weight: 2 },
  { indicatorId: 'health.ed_self_harm_rate', weight: 1 },
];
const FROM = 2023;
const TO = 2024;
const urlOf = (picked: { indicatorId: string; weight: number }[], kind = 'ward') =>
  `/risk?ind=${picked.map((p) => `${p.indicatorId}:${p.weight}`).join(',')}&from=${FROM}&to=${TO}&kind=${kind}`;

interface Score {
  rank: number;
  areaId: string;
  composite: number | null;
  area: { name: string };
  contributions: { indicatorId: string; value: number | null; contribution: number | null }[];
}

const hub = useBrowserHub('risk');

const open = hub.open;

async function riskAnalysis(role: Role, picked: { indicatorId: string; weight: number; betterWhen?: string }[], kind = 'WARD'): Promise<{ data: { riskAnalysis: Score[] | null }; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const token = role === 'public' ? undefined : await hub.token(role);
  const response = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({
      query: `query($i: [WeightedIndicatorInput!]!, $from: LocalDate!, $to: LocalDate!, $kind: AreaKind!) { riskAnalysis(indicators: $i, from: $from, to: $to, kind: $kind) { rank areaId composite area { name } contributions { indicatorId value contribution } } }`,
      variables: { i: picked, from: `${FROM}-01-01`, to: `${TO}-12-31`, kind },
    }),
  });
  return (await response.json()) as never;
}

const en2 = new Intl.NumberFormat('en-CA', { maximumFractionDigits: 2 });
const fr2 = new Intl.NumberFormat('fr-CA', { maximumFractionDigits: 2 });

async function waitForRanking(page: Page): Promise<void> {
  await page.locator('#risk-table tbody tr').first().waitFor();
}

/** Each row's cells as the reader sees them (marks' hidden words left out). */
async function tableCells(page: Page): Promise<string[][]> {
  return page.$$eval('#risk-table tbody tr', (rows) =>
    rows.map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => {
        const copy = cell.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.visually-hidden, .mark').forEach((n) => n.remove());
        return (copy.textContent ?? '').trim();
      }),
    ),
  );
}

describe('risk analysis, for a planner', () => {
  it('ranks the areas as riskAnalysis does, on the map and in a table with each indicator’s part', async () => {
    const page = await open(urlOf(PICKED), { role: 'planner' });
    await waitForRanking(page);
    const { data } = await riskAnalysis('planner', PICKED);
    const scores = data.riskAnalysis!;
    const cells = await tableCells(page);
    expect(cells.map((row) => row[0])).toEqual(scores.map((s) => s.area.name));
    expect(cells.map((row) => row[1])).toEqual(scores.map((s) => (s.composite == null ? '' : String(s.rank))));
    expect(cells.map((row) => row[2])).toEqual(scores.map((s) => (s.composite == null ? 'no data' : en2.format(s.composite))));
    scores.forEach((score, i) => {
      PICKED.forEach((picked, j) => {
        const part = score.contributions.find((c) => c.indicatorId === picked.indicatorId)?.contribution;
        expect(cells[i][4 + 2 * j + 1]).toBe(part == null ? 'no data' : en2.format(part));
      });
    });
    // The largest part is named: the "why".
    const top = scores[0].contributions.filter((c) => c.contribution != null).sort((a, b) => b.contribution! - a.contribution!)[0];
    const topName = await page.locator(`[data-indicator="${top.indicatorId}"] th`).textContent();
    expect(cells[0][3]).toBe(topName);

    await expect(page.locator('[data-testid="choropleth"] a[data-area]').count()).resolves.toBe(scores.length);
    const fills = await page.$$eval('[data-testid="choropleth"] a[data-area] path', (paths) => paths.map((p) => p.getAttribute('fill')));
    expect(new Set(fills).size).toBeGreaterThanOrEqual(Math.min(3, scores.length));
    await screenshot(page, 'risk-planner-en');
    await expectNoAxeViolations(page);
  });

  it('is driven from the keyboard: add an indicator, change a weight; every choice lands in the URL and the ranking follows', async () => {
    const page = await open(urlOf(PICKED.slice(0, 1)), { role: 'planner' });
    await waitForRanking(page);
    await page.getByTestId('risk-pick').focus();
    await page.getByTestId('risk-pick').selectOption('health.ed_self_harm_rate');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('risk-add');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('ind') === 'police.violent_crime_rate:2,health.ed_self_harm_rate:1');

    const weight = page.locator('[data-indicator="health.ed_self_harm_rate"] input.risk-weight');
    await weight.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('ind') === 'police.violent_crime_rate:2,health.ed_self_harm_rate:3');
    const reweighted = [PICKED[0], { indicatorId: 'health.ed_self_harm_rate', weight: 3 }];
    const scores = (await riskAnalysis('planner', reweighted)).data.riskAnalysis!;
    await page.waitForFunction(
      (expected) => [...document.querySelectorAll('#risk-table tbody tr td:nth-child(3)')].map((td) => td.textContent?.trim()).join('|') === expected,
      scores.map((s) => (s.composite == null ? 'no data' : en2.format(s.composite))).join('|'),
    );

    // Tab reaches an area of the composite map; Enter opens its profile.
    let focused: string | null = null;
    for (let i = 0; i < 120 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.closest('[data-testid="choropleth"] a[data-area]')?.getAttribute('data-area') ?? null);
    }
    expect(focused).not.toBeNull();
    const focusedScore = scores.find((s) => s.areaId === focused)!;
    await expect(page.getByTestId('map-announcer').textContent()).resolves.toBe(`${focusedScore.area.name}: composite ${en2.format(focusedScore.composite!)}, rank ${focusedScore.rank} of ${scores.filter((s) => s.composite != null).length}`);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/profile');
    expect(new URL(page.url()).searchParams.get('area')).toBe(focused);
  });

  it('turns an indicator’s polarity from the keyboard: the URL keeps the viewer’s direction and the ranking is the hub’s for it', async () => {
    const page = await open(urlOf(PICKED), { role: 'planner' });
    await waitForRanking(page);
    const polarity = page.locator('[data-indicator="health.ed_self_harm_rate"] select.risk-polarity');
    await expect(polarity.inputValue()).resolves.toBe('LOWER');
    await polarity.focus();
    await polarity.selectOption('HIGHER');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('ind') === 'police.violent_crime_rate:2,health.ed_self_harm_rate:1:HIGHER');
    const turned = [PICKED[0], { ...PICKED[1], betterWhen: 'HIGHER' }];
    const scores = (await riskAnalysis('planner', turned)).data.riskAnalysis!;
    expect(scores.map((s) => s.areaId)).not.toEqual((await riskAnalysis('planner', PICKED)).data.riskAnalysis!.map((s) => s.areaId));
    await page.waitForFunction(
      (expected) => [...document.querySelectorAll('#risk-table tbody tr th')].map((th) => th.textContent?.trim()).join('|') === expected,
      scores.map((s) => s.area.name).join('|'),
    );
    // Back to the catalogue's direction: nothing of the viewer's is left in the URL.
    await polarity.selectOption('LOWER');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('ind') === 'police.violent_crime_rate:2,health.ed_self_harm_rate:1');
    // A neutral indicator is offered, and takes part with the viewer's direction.
    await page.getByTestId('risk-pick').selectOption('education.enrolment');
    await page.getByTestId('risk-add').click();
    await page.waitForFunction(() => (new URLSearchParams(location.search).get('ind') ?? '').endsWith(',education.enrolment:1:LOWER'));
    await waitForRanking(page);
    await expect(page.locator('main [role=alert]').count()).resolves.toBe(0);
  });

  it('starts from a ranked analysis of four sectors, and removing every indicator stays removed on reload', async () => {
    const page = await open('/risk', { role: 'planner' });
    await waitForRanking(page);
    const starting = await page.$$eval('[data-testid="risk-chosen"] tbody tr', (rows) => rows.map((row) => row.getAttribute('data-indicator')));
    expect(starting).toEqual(['police.violent_crime_rate', 'health.ed_self_harm_rate', 'education.chronic_absenteeism', 'social-services.food_bank_visit_rate']);
    for (let i = 0; i < starting.length; i++) await page.locator('[data-testid="risk-chosen"] tbody tr button').first().click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('ind') === 'none');
    await page.getByTestId('risk-none').waitFor();
    await page.reload();
    await page.getByTestId('risk-none').waitFor();
    await expect(page.locator('#risk-table').count()).resolves.toBe(0);
  });

  it('exports exactly the table as CSV, and reloading the URL restores the same analysis', async () => {
    const page = await open(urlOf(PICKED), { role: 'planner' });
    await waitForRanking(page);
    const csv = (await downloadText(page, page.getByTestId('csv-export'))).split('\r\n').filter(Boolean);
    const headers = await page.$$eval('#risk-table thead th', (ths) => ths.map((th) => th.textContent?.trim() ?? ''));
    expect(csv[0]).toBe(headers.join(','));
    const cells = await tableCells(page);
    expect(csv.slice(1)).toEqual(cells.map((row) => row.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')));

    await page.reload();
    await waitForRanking(page);
    await expect(tableCells(page)).resolves.toEqual(cells);
    const weights = await page.$$eval('input.risk-weight', (inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(weights).toEqual(PICKED.map((p) => String(p.weight)));
    await expect(page.getByTestId('risk-from').inputValue()).resolves.toBe(String(FROM));
    await expect(page.getByTestId('risk-to').inputValue()).resolves.toBe(String(TO));
  });

  it('shows the hub’s own message when it refuses an input (a weight of 0), not a broken page', async () => {
    const refused = [{ indicatorId: 'police.violent_crime_rate', weight: 0 }];
    const answer = await riskAnalysis('planner', refused);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const page = await open(urlOf(refused), { role: 'planner' });
    const alert = page.locator('.risk-view [role="alert"]');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(answer.errors![0].message);
    await expect(page.getByTestId('risk-chosen').isVisible()).resolves.toBe(true);
  });
});

describe('risk analysis, for the public', () => {
  it('says the analysis is not shown to the role where the API refuses an anonymous caller', async () => {
    const answer = await riskAnalysis('public', PICKED);
    expect(answer.data.riskAnalysis).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
    const page = await open(urlOf(PICKED));
    await page.getByTestId('risk-not-shown').waitFor();
    await expect(page.getByTestId('risk-not-shown').textContent()).resolves.toContain('not shown to your role');
    await expect(page.locator('#risk-table').count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
  });
});

describe('risk analysis in French', () => {
  it('shows French words, the hub’s French indicator names and French numbers', async () => {
    const page = await open(urlOf(PICKED), { role: 'planner', lang: 'fr' });
    await waitForRanking(page);
    const token = await hub.token('planner');
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ indicator(id: "${PICKED[0].indicatorId}") { name(language: FR) } }` }),
    });
    const { data } = (await response.json()) as { data: { indicator: { name: string } } };
    await expect(page.locator('[data-indicator="police.violent_crime_rate"] th').textContent()).resolves.toBe(data.indicator.name);
    await expect(page.locator('#risk-results-heading').textContent()).resolves.toBe('Classement');
    const scores = (await riskAnalysis('planner', PICKED)).data.riskAnalysis!;
    const cells = await tableCells(page);
    expect(cells.map((row) => row[2])).toEqual(scores.map((s) => (s.composite == null ? 'aucune donnée' : fr2.format(s.composite))));
    await screenshot(page, 'risk-planner-fr');
    await expectNoAxeViolations(page);
  });
});
