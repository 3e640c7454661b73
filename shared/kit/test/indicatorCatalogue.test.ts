import { BetterDirection, buildIndicatorCatalogue, CatalogueError, FrameworkArea, Granularity, IndicatorSpec } from '@cswb/subgraph-kit/vocabulary';

function spec(id: string, sector: string): IndicatorSpec {
  return {
    numerator: 'm',
    definition: {
      id,
      name: id,
      definition: 'd',
      sector,
      frameworkArea: FrameworkArea.PREVENTION,
      unit: 'count',
      betterWhen: BetterDirection.LOWER,
      source: 's',
      frequency: Granularity.MONTH,
      fr: { name: `${id} (fr)`, definition: 'd (fr)', unit: 'nombre', source: 's (fr)' },
    },
  };
}

describe('buildIndicatorCatalogue', () => {
  it('lists every sector’s indicators, sectors in name order, declarations in their order', () => {
    const catalogue = buildIndicatorCatalogue([
      { name: 'police', indicators: [spec('police.b', 'police'), spec('police.a', 'police')] },
      { name: 'planning' },
      { name: 'health', indicators: [spec('health.x', 'health')] },
    ]);
    expect(catalogue.map((i) => i.id)).toEqual(['health.x', 'police.b', 'police.a']);
  });

  it('refuses duplicate ids, ids without their sector prefix and a sector that is not the declaring subgraph', () => {
    expect(() =>
      buildIndicatorCatalogue([
        { name: 'police', indicators: [spec('police.a', 'police'), spec('police.a', 'police'), spec('crime.b', 'police')] },
        { name: 'health', indicators: [spec('health.c', 'police')] },
      ]),
    ).toThrow(
      new CatalogueError([
        'health.c says sector "police" but health declares it',
        'police.a is declared twice',
        'crime.b (in police) must start with "police."',
      ]),
    );
  });

  it('refuses an indicator without its French text or with an empty one, naming each field, rather than serve English', () => {
    const { fr, ...english } = spec('police.a', 'police').definition;
    const emptied = spec('police.b', 'police');
    emptied.definition.fr = { ...emptied.definition.fr, unit: ' ', source: '' };
    const noFrench = { numerator: 'm', definition: english } as unknown as IndicatorSpec;
    expect(fr.name).toBe('police.a (fr)');
    expect(() => buildIndicatorCatalogue([{ name: 'police', indicators: [noFrench, emptied] }])).toThrow(
      new CatalogueError(['police.a has no FR name', 'police.a has no FR definition', 'police.a has no FR unit', 'police.a has no FR source', 'police.b has no FR unit', 'police.b has no FR source']),
    );
  });
});
