import type { Page } from 'playwright-core';
import {type BrowserHub, downloadText, expectNoAxeViolations, screenshot, useBrowserHub } from './support';
import { askHub, documentId, formatted, parseCsv, settled, tableText } from './tableHelpers';

// The plan scorecard against a real hub: every figure is the one the hub answers the same token.

interface PlanList {
  plans: { id: string; title: string; status: string }[];
}
interface Reading {
  current: { period: { label: string }; value: number | null; perturbed: boolean; suppressed: boolean } | null;
  trend: string;
  progress: string;
}
interface PlanDetail {
  frameworkAreas: { area: string; label: string }[];
  riskFactorTaxonomy: { category: string; label: string }[];
  plan: {
    id: string;
    priorityRisks: { category: string }[];
    performanceMeasures: { id: string; baseline: number; target: number; reading: Reading | null }[];
    frameworkBalance: { frameworkArea: string; strategies: number; budgetShare: number }[];
    upstreamBudgetShare: number | null;
  };
}

const hub = useBrowserHub('scorecard');

async function open(path: string, options?: Parameters<BrowserHub['open']>[1]): Promise<Page> {
  const page = await hub.open(path, options);
  await settled(page);
  return page;
}

const PROGRESS_EN: Record<string, string> = { ACHIEVED: 'target reached', ON_TRACK: 'on track', AT_RISK: 'at risk', OFF_TRACK: 'off track', UNKNOWN: 'unknown' };

test('a planner sees every plan, newest first, and each measure as the hub reads it for them', async () => {
  const token = await hub.token('planner');
  const list = await askHub<PlanList>(hub, 'ScorecardPlanList', {}, token);
  expect(list.data!.plans.length).toBeGreaterThan(1);
  expect(list.data!.plans.some((plan) => plan.status !== 'PUBLISHED')).toBe(true);
  const page = await open('/scorecard', { role: 'planner' });
  const options = await page.locator('#plan-picker option').evaluateAll((nodes) => nodes.map((node) => (node as unknown as { value: string }).value));
  expect(options).toEqual(list.data!.plans.map((plan) => plan.id));

  // The published plan: it has measures with readings.
  const published = list.data!.plans.find((plan) => plan.status === 'PUBLISHED')!;
  await page.locator('#plan-picker').selectOption(published.id);
  await settled(page);
  expect(new URL(page.url()).searchParams.get('plan')).toBe(published.id);
  const detail = await askHub<PlanDetail>(hub, 'ScorecardPlan', { planId: published.id, language: 'EN' }, token);
  const plan = detail.data!.plan;
  expect(plan.performanceMeasures.length).toBeGreaterThan(0);

  const rows = (await tableText(page.locator('#measures-table'))).slice(1);
  expect(rows).toHaveLength(plan.performanceMeasures.length);
  plan.performanceMeasures.forEach((measure, index) => {
    const cells = rows[index];
    expect(cells[3]).toContain(formatted(measure.baseline, 2));
    expect(cells[4]).toContain(formatted(measure.target, 2));
    const current = measure.reading?.current;
    if (current && current.value != null) expect(cells[5]).toBe(`${formatted(current.value, 2)}${current.perturbed ? '†' : ''}(${current.period.label})`);
    expect(cells[8]).toBe(PROGRESS_EN[measure.reading?.progress ?? 'UNKNOWN'].replace(/\s+/g, ''));
  });
  // A planner's readings are perturbed: the marks are there.
  expect(plan.performanceMeasures.some((m) => m.reading?.current?.perturbed)).toBe(true);
  await expect(page.locator('#measures-table .figure.perturbed').count()).resolves.toBeGreaterThan(0);

  // Priority risks in the taxonomy's words, by rank.
  const riskNames = await page.locator('[data-testid=priority-risks] li strong').allInnerTexts();
  expect(riskNames).toEqual(plan.priorityRisks.map((risk) => detail.data!.riskFactorTaxonomy.find((info) => info.category === risk.category)!.label));

  // The balance: strategies per framework area and the upstream share, as the hub computes them.
  const balance = (await tableText(page.locator('#balance-table'))).slice(1);
  expect(balance.map((cells) => [cells[0], cells[1]])).toEqual(plan.frameworkBalance.map((row) => [detail.data!.frameworkAreas.find((a) => a.area === row.frameworkArea)!.label.replace(/\s+/g, ''), String(row.strategies)]));
  expect(await page.getByTestId('upstream-share').innerText()).toContain(`${formatted(plan.upstreamBudgetShare! * 100, 1)}%`);
  const chart = page.locator('[data-testid=balance-chart] svg');
  await expect(chart.getAttribute('role')).resolves.toBe('img');
  expect(await chart.getAttribute('aria-label')).toContain(detail.data!.frameworkAreas[0].label);

  // CSV: exactly the measures table.
  const csv = parseCsv(await downloadText(page, page.getByTestId('csv-export').first()));
  expect(csv).toEqual(await tableText(page.locator('#measures-table')));

  // The query behind the view is the one sent: its persisted id, its variables, and (once the panel opens) its text.
  expect(await page.getByTestId('query-behind').textContent()).toContain(documentId('ScorecardPlan'));
  expect(JSON.parse((await page.getByTestId('query-variables').textContent())!)).toEqual({ planId: published.id, language: 'EN' });
  await page.getByTestId('query-behind').locator('summary').click();
  await page.waitForFunction(() => (document.querySelector('[data-testid=query-document]')?.textContent ?? '').length > 0);
  const documentText = await page.getByTestId('query-document').textContent();
  expect(documentText).toMatch(/^query ScorecardPlan\(/);
  const manifest = (await (await fetch(`${hub.url}/persisted-documents.json`)).json()) as Record<string, string>;
  expect(documentText).toBe(manifest[documentId('ScorecardPlan')]);
  await expectNoAxeViolations(page);
  await screenshot(page, 'scorecard-planner-en');

  // The URL restores the view.
  await page.reload();
  await settled(page);
  await expect(page.locator('#plan-picker').inputValue()).resolves.toBe(published.id);
  expect((await tableText(page.locator('#measures-table'))).slice(1)).toEqual(rows);
});

test('the public sees published plans only, with the readings the hub gives them', async () => {
  const list = await askHub<PlanList>(hub, 'ScorecardPlanList', {});
  expect(list.data!.plans.every((plan) => plan.status === 'PUBLISHED')).toBe(true);
  const page = await open('/scorecard');
  const options = await page.locator('#plan-picker option').evaluateAll((nodes) => nodes.map((node) => (node as unknown as { value: string }).value));
  expect(options).toEqual(list.data!.plans.map((plan) => plan.id));
  const detail = await askHub<PlanDetail>(hub, 'ScorecardPlan', { planId: list.data!.plans[0].id, language: 'EN' });
  const statuses = await page.locator('#measures-table [data-progress]').evaluateAll((nodes) => nodes.map((node) => (node as unknown as { dataset: { progress: string } }).dataset.progress));
  expect(statuses).toEqual(detail.data!.plan.performanceMeasures.map((m) => m.reading?.progress ?? 'UNKNOWN'));
  await expectNoAxeViolations(page);
});

test('in French, framework areas and risk factors come from the hub in French, and the plan picker works from the keyboard', async () => {
  const token = await hub.token('planner');
  const list = await askHub<PlanList>(hub, 'ScorecardPlanList', {}, token);
  const page = await open('/scorecard', { role: 'planner', lang: 'fr' });
  const first = list.data!.plans[0].id;
  const detail = await askHub<PlanDetail>(hub, 'ScorecardPlan', { planId: first, language: 'FR' }, token);
  expect(await page.locator('h2').first().innerText()).toBe('Risques prioritaires');
  const areaHeadings = await page.locator('.strategies h3').allInnerTexts();
  expect(areaHeadings).toEqual(detail.data!.frameworkAreas.map((area) => area.label));
  expect(detail.data!.frameworkAreas.map((area) => area.label)).toContain('Prévention');
  await expectNoAxeViolations(page);
  await screenshot(page, 'scorecard-planner-fr');

  // Keyboard: focus the picker, move to the next plan with the arrow key.
  await page.locator('#plan-picker').focus();
  await page.keyboard.press('ArrowDown');
  await settled(page);
  expect(new URL(page.url()).searchParams.get('plan')).toBe(list.data!.plans[1].id);
  expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
});
