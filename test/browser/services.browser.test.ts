import type { Page } from 'playwright-core';
import {type BrowserHub, downloadText, expectNoAxeViolations, screenshot, useBrowserHub } from './support';
import { askHub, documentId, parseCsv, settled, tableText } from './tableHelpers';

// Services and gaps against a real hub: programs and gaps are the ones the hub answers the same token.

interface Areas {
  areas: { id: string; name: string; kind: string; parent: { id: string } | null }[];
}
interface AssetMap {
  frameworkAreas: { area: string; label: string }[];
  riskFactorTaxonomy: { category: string; label: string }[];
  area: { id: string; name: string; neighbourhoodIds: string[]; socialServices: { services: { programCode: string; frameworkArea: string; categories: string[] }[] } | null } | null;
  plans: { id: string; title: string; priorityRisks: { category: string; serviceGaps: { areaId: string; frameworkArea: string; services: number; gap: boolean }[] }[] }[];
}

const hub = useBrowserHub('services');

async function open(path: string, options?: Parameters<BrowserHub['open']>[1]): Promise<Page> {
  const page = await hub.open(path, options);
  await settled(page);
  return page;
}

const firstColumn = async (page: Page, table: string) => (await tableText(page.locator(table))).slice(1).map((cells) => cells[0]);

async function expectMatchesHub(page: Page, answer: AssetMap, frameworkArea?: string): Promise<void> {
  const area = answer.area!;
  const all = area.socialServices!.services;
  // The chart's table twin: programs per framework area.
  const counts = (await tableText(page.locator('#services-counts'))).slice(1);
  expect(counts).toEqual(answer.frameworkAreas.map((info) => [info.label.replace(/\s+/g, ''), String(all.filter((p) => p.frameworkArea === info.area).length)]));
  const label = await page.locator('[data-testid=services-chart] svg').getAttribute('aria-label');
  for (const info of answer.frameworkAreas) expect(label).toContain(info.label);
  // The programs, in the hub's order, filtered by framework area.
  const codes = (await tableText(page.locator('#programs-table'))).slice(1).map((cells) => cells[1]);
  expect(codes).toEqual(all.filter((p) => !frameworkArea || p.frameworkArea === frameworkArea).map((p) => p.programCode));
  // The gaps of the first plan in the area's neighbourhoods.
  const inArea = new Set(area.neighbourhoodIds);
  const gaps = answer.plans[0].priorityRisks.flatMap((risk) => risk.serviceGaps.filter((gap) => gap.gap && inArea.has(gap.areaId) && (!frameworkArea || gap.frameworkArea === frameworkArea)));
  if (gaps.length === 0) await page.getByTestId('no-gaps').waitFor();
  else expect((await tableText(page.locator('#gaps-table'))).slice(1).map((cells) => Number(cells[3]))).toEqual(gaps.map((gap) => gap.services));
}

test('the city, a ward and a framework area: programs, counts and gaps as the hub answers them, in the URL', async () => {
  const token = await hub.token('planner');
  const areas = (await askHub<Areas>(hub, 'AppAreas', {}, token)).data!.areas;
  const city = areas.find((area) => area.kind === 'MUNICIPALITY')!;
  const page = await open('/services', { role: 'planner' });
  const cityAnswer = (await askHub<AssetMap>(hub, 'ServicesAssetMap', { areaId: city.id, category: null, language: 'EN' }, token)).data!;
  expect(cityAnswer.area!.socialServices!.services.length).toBeGreaterThan(0);
  await expectMatchesHub(page, cityAnswer);
  await expectNoAxeViolations(page);
  await screenshot(page, 'services-planner-en');

  // A ward, one framework area.
  const ward = areas.find((area) => area.kind === 'WARD')!;
  await page.locator('#services-area').selectOption(ward.id);
  await settled(page);
  await page.locator('#services-framework').selectOption('PREVENTION');
  await settled(page);
  const url = new URL(page.url());
  expect(url.searchParams.get('area')).toBe(ward.id);
  expect(url.searchParams.get('framework')).toBe('PREVENTION');
  const wardAnswer = (await askHub<AssetMap>(hub, 'ServicesAssetMap', { areaId: ward.id, category: null, language: 'EN' }, token)).data!;
  await expectMatchesHub(page, wardAnswer, 'PREVENTION');
  // The asset map lists the ward's neighbourhoods.
  expect(await firstColumn(page, '#asset-matrix')).toEqual(wardAnswer.area!.neighbourhoodIds.map((id) => areas.find((a) => a.id === id)!.name.replace(/\s+/g, '')));

  // CSV: exactly the tables shown.
  const csvOf = (section: string) => page.locator(`[data-testid=${section}-section] [data-testid=csv-export]`);
  expect(parseCsv(await downloadText(page, csvOf('programs')))).toEqual(await tableText(page.locator('#programs-table')));
  if ((await page.locator('#gaps-table').count()) > 0) expect(parseCsv(await downloadText(page, csvOf('gaps')))).toEqual(await tableText(page.locator('#gaps-table')));

  // A category goes to the hub as an argument; the query behind the view says so.
  await page.locator('#services-category').selectOption('MENTAL_HEALTH');
  await settled(page);
  const variables = JSON.parse((await page.getByTestId('query-variables').textContent())!);
  expect(variables).toEqual({ areaId: ward.id, category: 'MENTAL_HEALTH', language: 'EN' });
  expect(await page.getByTestId('query-behind').textContent()).toContain(documentId('ServicesAssetMap'));
  const filtered = (await askHub<AssetMap>(hub, 'ServicesAssetMap', variables, token)).data!;
  expect(filtered.area!.socialServices!.services.every((p) => p.categories.includes('MENTAL_HEALTH'))).toBe(true);
  await expectMatchesHub(page, filtered, 'PREVENTION');

  // The URL restores the view.
  const before = await tableText(page.locator('#programs-table'));
  await page.reload();
  await settled(page);
  await expect(page.locator('#services-area').inputValue()).resolves.toBe(ward.id);
  await expect(page.locator('#services-framework').inputValue()).resolves.toBe('PREVENTION');
  await expect(page.locator('#services-category').inputValue()).resolves.toBe('MENTAL_HEALTH');
  expect(await tableText(page.locator('#programs-table'))).toEqual(before);
});

test('the public sees the directory and the gaps of published plans; the filters work from the keyboard', async () => {
  const areas = (await askHub<Areas>(hub, 'AppAreas', {})).data!.areas;
  const city = areas.find((area) => area.kind === 'MUNICIPALITY')!;
  const answer = (await askHub<AssetMap>(hub, 'ServicesAssetMap', { areaId: city.id, category: null, language: 'EN' })).data!;
  const page = await open('/services');
  await expectMatchesHub(page, answer);
  const planOptions = await page.locator('#services-plan option').evaluateAll((nodes) => nodes.map((node) => (node as unknown as { value: string }).value));
  expect(planOptions).toEqual(answer.plans.map((plan) => plan.id));

  await page.locator('#services-framework').focus();
  await page.keyboard.press('ArrowDown');
  await settled(page);
  expect(new URL(page.url()).searchParams.get('framework')).toBe(answer.frameworkAreas[0].area);
  await expectMatchesHub(page, answer, answer.frameworkAreas[0].area);
  await expectNoAxeViolations(page);
});

test('in French, framework areas and risks come from the hub in French', async () => {
  const token = await hub.token('planner');
  const areas = (await askHub<Areas>(hub, 'AppAreas', {}, token)).data!.areas;
  const neighbourhood = areas.find((area) => area.kind === 'NEIGHBOURHOOD')!;
  const answer = (await askHub<AssetMap>(hub, 'ServicesAssetMap', { areaId: neighbourhood.id, category: null, language: 'FR' }, token)).data!;
  const page = await open(`/services?area=${neighbourhood.id}`, { role: 'planner', lang: 'fr' });
  await expectMatchesHub(page, answer);
  expect(answer.frameworkAreas.map((info) => info.label)).toContain('Prévention');
  expect(await page.locator('h2').first().innerText()).toContain('Programmes par domaine du cadre');
  const categories = await page.locator('#services-category option').allInnerTexts();
  expect(categories).toContain('Santé mentale');
  await expectNoAxeViolations(page);
  await screenshot(page, 'services-planner-fr');
});
