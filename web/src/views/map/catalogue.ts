import type { MapIndicatorCatalogueQuery } from '../../gql/graphql';

export type CatalogueIndicator = Pick<MapIndicatorCatalogueQuery['indicatorCatalogue'][number], 'id' | 'name' | 'sector' | 'frameworkArea' | 'betterWhen'>;
export type Grouping = 'sector' | 'framework';

export interface IndicatorGroup<I> {
  key: string;
  label: string;
  indicators: I[];
}

/** The catalogue in groups, by sector or by framework area, in the hub's order; labels from the hub. */
export function groupIndicators<I extends CatalogueIndicator>(indicators: I[], by: Grouping, labels: Map<string, string>): IndicatorGroup<I>[] {
  const groups = new Map<string, IndicatorGroup<I>>();
  for (const indicator of indicators) {
    const key = by === 'sector' ? indicator.sector : indicator.frameworkArea;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, label: labels.get(key) ?? key, indicators: [] }));
    group.indicators.push(indicator);
  }
  return [...groups.values()];
}
