import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverSubgraphs, PROJECT_ROOT } from '@cswb/cli';
import { sectorNames } from '@cswb/subgraph-kit/sector';
import {
  FRAMEWORK_AREA_TEXT,
  INDICATOR_TEXT_FIELDS,
  IndicatorDefinition,
  Language,
  LocalizedText,
  RISK_FACTOR_CATEGORY_LABELS,
  RISK_FACTORS,
} from '@cswb/subgraph-kit/vocabulary';
import { analystHeaders } from '@cswb/testing/analyst';
import { smallSyntheticCity } from '@cswb/testing/expected';
import { graphql } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';

const subgraphs = discoverSubgraphs().map((s) => s.definition);
const sectors = subgraphs.filter((s) => s.indicators?.length);
const indicators: IndicatorDefinition[] = sectors.flatMap((s) => s.indicators!.map((spec) => spec.definition));
const english = (indicator: IndicatorDefinition) => ({ id: indicator.id, name: indicator.name, definition: indicator.definition, unit: indicator.unit, source: indicator.source });
const french = (indicator: IndicatorDefinition) => ({ id: indicator.id, ...indicator.fr });

/** The texts that are the same word in both languages, each named: anything else identical is an untranslated English text. */
const SAME_IN_BOTH = new Set(['sector police', 'risk-factor category GANGS', 'risk-factor category SUICIDE']);

/** Every text of the hub's vocabularies and indicators, named, in both languages. */
function everyText(): [string, LocalizedText][] {
  return [
    ...indicators.flatMap((indicator) =>
      INDICATOR_TEXT_FIELDS.map((field): [string, LocalizedText] => [`${indicator.id} ${field}`, { EN: indicator[field], FR: indicator.fr?.[field] }]),
    ),
    ...Object.entries(FRAMEWORK_AREA_TEXT).flatMap(([area, text]): [string, LocalizedText][] => [
      [`framework area ${area} label`, text.label],
      [`framework area ${area} description`, text.description],
    ]),
    ...subgraphs.map((s): [string, LocalizedText] => [`sector ${s.name}`, s.label]),
    ...Object.entries(RISK_FACTOR_CATEGORY_LABELS).map(([category, label]): [string, LocalizedText] => [`risk-factor category ${category}`, label]),
    ...RISK_FACTORS.map((factor): [string, LocalizedText] => [`risk factor ${factor.code}`, factor.label]),
  ];
}

describe('every word of the hub, in English and French', () => {
  const texts = everyText();

  it('covers every indicator of every sector, the four framework areas, every subgraph and the whole risk-factor taxonomy', () => {
    expect(indicators.length).toBeGreaterThanOrEqual(30);
    expect(texts.length).toBe(indicators.length * 4 + 4 * 2 + subgraphs.length + 27 + RISK_FACTORS.length);
  });

  it('has a non-empty French text for each, different from the English unless the word is the same in both', () => {
    const untranslated = texts
      .filter(([, text]) => typeof text.FR !== 'string' || text.FR.trim() === '' || (text.FR === text.EN && typeof text.EN === 'string'))
      .map(([name]) => name);
    expect(untranslated.filter((name) => !SAME_IN_BOTH.has(name))).toEqual([]);
    // The list names only what is still the same word: a stale entry is an error too.
    expect([...SAME_IN_BOTH].filter((name) => !untranslated.includes(name))).toEqual([]);
  });

  it('writes French numbers and units the Canadian way (a space between thousands, no English units left)', () => {
    const units = new Set(indicators.map((indicator) => indicator.fr.unit));
    expect([...units].filter((unit) => /\d,\d{3}|residents|count|percent|students|households/.test(unit))).toEqual([]);
    expect(units).toContain('par 1 000 habitants');
    expect(units).toContain('par 100 000 habitants');
    expect(texts.filter(([, text]) => /\d,\d{3}/.test(text.FR)).map(([name]) => name)).toEqual([]);
  });

  it('speaks of Lakeshore Police Service as the Service de police de Lakeshore', () => {
    const police = indicators.filter((indicator) => indicator.sector === 'police');
    expect(police.every((indicator) => indicator.fr.source.includes('Service de police de Lakeshore'))).toBe(true);
  });
});

describe('the words through the gateway', () => {
  let stack: TestStack;
  let analyst: Record<string, string>;

  beforeAll(async () => {
    analyst = await analystHeaders();
    stack = await startTestStack('languages');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const ask = async (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await graphql(stack.gateway.url, query, variables, headers);
    expect(response.errors).toBeUndefined();
    return response.data;
  };

  it('serves the indicator catalogue in French, in English, and without an argument in the English it always served', async () => {
    const byLanguage = (language: string) => `{ indicatorCatalogue { id name${language} definition${language} unit${language} source${language} } }`;
    const [fr, en, none] = await Promise.all([ask(byLanguage('(language: FR)')), ask(byLanguage('(language: EN)')), ask(byLanguage(''))]);
    const sorted = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(sorted(fr.indicatorCatalogue)).toEqual(sorted(indicators.map(french)));
    expect(sorted(en.indicatorCatalogue)).toEqual(sorted(indicators.map(english)));
    expect(none.indicatorCatalogue).toEqual(en.indicatorCatalogue);
    expect(fr.indicatorCatalogue.find((i: any) => i.id === 'police.violent_crime_rate')).toMatchObject({
      name: 'Taux de crimes violents',
      unit: 'par 1 000 habitants',
    });
  });

  it('serves one indicator and the documented catalogue query with $language', async () => {
    const one = await ask('query ($id: ID!, $language: Language!) { indicator(id: $id) { name(language: $language) unit(language: $language) } }', {
      id: 'social-services.food_bank_visit_rate',
      language: 'FR',
    });
    expect(one.indicator).toEqual({ name: 'Taux de visites aux banques alimentaires', unit: 'par 1 000 habitants' });
    const documented = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'queries', 'indicator-catalogue.graphql'), 'utf8');
    const data = await ask(documented, { frameworkArea: 'PREVENTION', language: 'FR' });
    expect(data.indicatorCatalogue.length).toBeGreaterThan(0);
    expect(data.indicatorCatalogue.map((i: any) => i.name)).toEqual(
      indicators.filter((i) => i.frameworkArea === 'PREVENTION').sort((a, b) => a.sector.localeCompare(b.sector)).map((i) => i.fr.name),
    );
  });

  it.each(sectors.map((s) => [s.name]))("serves %s's indicators on an area, from the sector's own subgraph, in both languages", async (name) => {
    const field = sectorNames(name).fieldName;
    const area = smallSyntheticCity().neighbourhoods[0].id;
    const query = `query ($area: ID!, $language: Language!) {
      area(id: $area) { ${field} { indicators(from: "2024-01-01", to: "2024-12-31") {
        indicator { id name(language: $language) definition(language: $language) unit(language: $language) source(language: $language) }
        default: indicator { id name definition unit source }
      } } } }`;
    const declared = sectors.find((s) => s.name === name)!.indicators!.map((spec) => spec.definition);
    for (const language of [Language.FR, Language.EN]) {
      const data = await ask(query, { area, language }, analyst);
      const series = data.area[field].indicators;
      expect(series.map((s: any) => s.indicator)).toEqual(declared.map(language === Language.FR ? french : english));
      expect(series.map((s: any) => s.default)).toEqual(declared.map(english));
    }
  });

  it('serves the framework areas with their names and descriptions in both languages, English by default', async () => {
    const query = (args: string) => `{ frameworkAreas { area label${args} description${args} } }`;
    const [fr, en, none] = await Promise.all([ask(query('(language: FR)')), ask(query('(language: EN)')), ask(query(''))]);
    const expected = (language: Language) =>
      Object.entries(FRAMEWORK_AREA_TEXT).map(([area, text]) => ({ area, label: text.label[language], description: text.description[language] }));
    expect(fr.frameworkAreas).toEqual(expected(Language.FR));
    expect(en.frameworkAreas).toEqual(expected(Language.EN));
    expect(none.frameworkAreas).toEqual(en.frameworkAreas);
    expect(fr.frameworkAreas.map((a: any) => a.label)).toEqual([
      'Développement social',
      'Prévention',
      'Intervention centrée sur le risque',
      "Intervention en cas d'incident",
    ]);
  });

  it('serves every subgraph with its display name in both languages, and which ones publish indicators', async () => {
    const [fr, none] = await Promise.all([ask('{ sectors { name label(language: FR) publishesIndicators } }'), ask('{ sectors { name label } }')]);
    const sorted = [...subgraphs].sort((a, b) => a.name.localeCompare(b.name));
    expect(fr.sectors).toEqual(sorted.map((s) => ({ name: s.name, label: s.label.FR, publishesIndicators: Boolean(s.indicators?.length) })));
    expect(none.sectors).toEqual(sorted.map((s) => ({ name: s.name, label: s.label.EN })));
    expect(fr.sectors.find((s: any) => s.name === 'social-services').label).toBe('Services sociaux');
    // Every sector an indicator names is listed.
    const listed = new Set(fr.sectors.map((s: any) => s.name));
    expect(indicators.filter((i) => !listed.has(i.sector))).toEqual([]);
  });

  it('serves the risk-factor taxonomy, categories and factors, in both languages, English by default', async () => {
    const query = (args: string) => `{ riskFactorTaxonomy { category label${args} factors { code label${args} } } }`;
    const [fr, en, none] = await Promise.all([ask(query('(language: FR)')), ask(query('(language: EN)')), ask(query(''))]);
    const expected = (language: Language) =>
      Object.entries(RISK_FACTOR_CATEGORY_LABELS).map(([category, label]) => ({
        category,
        label: label[language],
        factors: RISK_FACTORS.filter((f) => f.category === category).map((f) => ({ code: f.code, label: f.label[language] })),
      }));
    expect(fr.riskFactorTaxonomy).toEqual(expected(Language.FR));
    expect(en.riskFactorTaxonomy).toEqual(expected(Language.EN));
    expect(none.riskFactorTaxonomy).toEqual(en.riskFactorTaxonomy);
  });

  it('runs the documented vocabulary query in French', async () => {
    const documented = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'queries', 'reference-vocabulary.graphql'), 'utf8');
    const data = await ask(documented, { language: 'FR' });
    expect(data.frameworkAreas[3].label).toBe("Intervention en cas d'incident");
    expect(data.sectors.find((s: any) => s.name === 'police').label).toBe('Police');
    expect(data.riskFactorTaxonomy.find((c: any) => c.category === 'HOUSING').factors.map((f: any) => f.label)).toContain("En situation d'itinérance");
  });

  it('refuses a language it does not serve, and a null language', async () => {
    for (const [query, variables] of [
      ['{ indicatorCatalogue { name(language: DE) } }', undefined],
      ['query ($l: Language!) { frameworkAreas { label(language: $l) } }', { l: 'ES' }],
      ['{ sectors { label(language: null) } }', undefined],
      ['query ($l: Language) { riskFactorTaxonomy { label(language: $l) } }', { l: null }],
    ] as const) {
      const response = await graphql(stack.gateway.url, query, variables);
      expect({ query, data: response.data ?? null, failed: (response.errors ?? []).length > 0 }).toEqual({ query, data: null, failed: true });
    }
  });
});
