import { subgraphSchema } from '@cswb/subgraph-kit/server';
import {
  buildSectorLabels,
  CatalogueError,
  FRAMEWORK_AREA_TEXT,
  FrameworkArea,
  IndicatorDefinition,
  indicatorText,
  inLanguage,
  Language,
  localizedTextProblems,
  RISK_FACTOR_CATEGORY_LABELS,
  RISK_FACTORS,
  RiskFactorCategory,
} from '@cswb/subgraph-kit/vocabulary';
import { subgraph as example } from './fixtures/exampleSector';

describe('localized text', () => {
  it('gives the text of the language asked for, and throws rather than fall back to English', () => {
    expect(inLanguage({ EN: 'Prevention', FR: 'Prévention' }, Language.FR)).toBe('Prévention');
    expect(inLanguage({ EN: 'Prevention', FR: 'Prévention' }, Language.EN)).toBe('Prevention');
    expect(() => inLanguage({ EN: 'Prevention' } as never, Language.FR)).toThrow('no FR text for "Prevention"');
    expect(() => inLanguage({ EN: 'Prevention', FR: '  ' }, Language.FR)).toThrow('no FR text for "Prevention"');
  });

  it('names each language a text read from outside TypeScript lacks', () => {
    expect(localizedTextProblems({ EN: 'Police', FR: 'Police' }, 'x')).toEqual([]);
    expect(localizedTextProblems({ EN: 'Housing' }, 'x')).toEqual(['x has no FR text']);
    expect(localizedTextProblems({ EN: '', FR: 7 }, 'x')).toEqual(['x has no EN text', 'x has no FR text']);
    expect(localizedTextProblems('Housing', 'x')).toEqual(['x has no text in EN and FR']);
  });

  it("serves an indicator's text in either language and refuses one it lacks", () => {
    const indicator = { id: 'example.visits', name: 'Visits', fr: { name: 'Visites' } } as IndicatorDefinition;
    expect(indicatorText(indicator, 'name', Language.EN)).toBe('Visits');
    expect(indicatorText(indicator, 'name', Language.FR)).toBe('Visites');
    expect(() => indicatorText(indicator, 'unit', Language.FR)).toThrow('example.visits has no FR unit');
    expect(() => indicatorText({ ...indicator, fr: undefined } as unknown as IndicatorDefinition, 'name', Language.FR)).toThrow(
      'example.visits has no FR name',
    );
  });
});

describe('the vocabularies in both languages', () => {
  it('name and describe every framework area in English and French', () => {
    expect(Object.keys(FRAMEWORK_AREA_TEXT)).toEqual(Object.values(FrameworkArea));
    expect(Object.values(FRAMEWORK_AREA_TEXT).map((text) => text.label.FR)).toEqual([
      'Développement social',
      'Prévention',
      'Intervention centrée sur le risque',
      "Intervention en cas d'incident",
    ]);
  });

  it('label every risk-factor category and every factor in both languages', () => {
    expect(Object.keys(RISK_FACTOR_CATEGORY_LABELS)).toEqual(Object.values(RiskFactorCategory));
    for (const factor of RISK_FACTORS) expect(localizedTextProblems(factor.label, factor.code)).toEqual([]);
  });
});

describe('a subgraph without its French text does not start', () => {
  it('refuses an indicator declared without French (a JavaScript declaration, or one cast past the type)', async () => {
    const [visits] = example.indicators!;
    const broken = { ...example, indicators: [{ ...visits, definition: { ...visits.definition, fr: { ...visits.definition.fr, definition: '' } } }] };
    await expect(subgraphSchema(broken)).rejects.toThrow(new CatalogueError(['example.visits has no FR definition']));
  });

  it('refuses a subgraph label without French', async () => {
    const broken = { ...example, label: { EN: 'Example' } as never };
    await expect(subgraphSchema(broken)).rejects.toThrow(new CatalogueError(["subgraph example's label has no FR text"]));
    expect(() => buildSectorLabels([{ name: 'example', label: { EN: 'Example', FR: '' } }])).toThrow(
      new CatalogueError(["subgraph example's label has no FR text"]),
    );
  });

  it("gives the example sector's IndicatorDefinition text fields a language argument defaulting to English", async () => {
    const { sdl } = await subgraphSchema(example);
    for (const field of ['name', 'definition', 'unit', 'source']) {
      expect(sdl).toMatch(new RegExp(`type IndicatorDefinition @shareable \\{[^}]*\\n  ${field}\\(\\n[^)]*language: Language! = EN\\n  \\): String!`));
    }
    expect(buildSectorLabels([example, { name: 'alpha', label: { EN: 'Alpha', FR: 'Alpha (fr)' } }])).toEqual([
      { name: 'alpha', label: { EN: 'Alpha', FR: 'Alpha (fr)' } },
      { name: 'example', label: { EN: 'Example', FR: 'Exemple' } },
    ]);
  });
});
