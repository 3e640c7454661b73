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
});
