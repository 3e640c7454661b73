import { graphql } from '@cswb/testing/graphql';
import { CellBook, cellKey } from './CellBook';
import { FROM, measureSmallest, SECTOR_FIELDS, SPECS, TO } from './catalogue';

/** One GraphQL request through the gateway with one token: the data, or a thrown error naming the refusal. */
export type Ask = (document: string, variables?: Record<string, unknown>) => Promise<any>;

export function asker(url: string, headers: Record<string, string>): Ask {
  return async (document, variables) => {
    const response = await graphql(url, document, variables, headers);
    if (response.errors) throw new Error(`refused: ${JSON.stringify(response.errors.slice(0, 3))}`);
    return response.data;
  };
}

/** Where one token's figures go: a planner's to the published side, an analyst's exact ones to the exact side. */
export type Sink = (key: string, smallest: number, figure: { value: number | null; perturbed: boolean; suppressed: boolean }) => void;

/** The planner's sink; `unmarked` collects figures shown neither perturbed nor withheld. */
export function plannerSink(book: CellBook, unmarked: string[]): Sink {
  return (key, smallest, { value, perturbed, suppressed }) => {
    if (!suppressed && !perturbed) unmarked.push(key);
    book.publish(key, smallest, suppressed ? null : value);
  };
}

/** An analyst's sink: only figures marked exact. */
export function analystSink(book: CellBook): Sink {
  return (key, smallest, { value, perturbed, suppressed }) => {
    if (!perturbed && !suppressed && value !== null) book.know(key, smallest, value);
  };
}

export interface AreaNode {
  id: string;
  kind: 'MUNICIPALITY' | 'WARD' | 'NEIGHBOURHOOD';
  children: { id: string }[];
  neighbourhoodIds: string[];
}

export async function gatherAreas(ask: Ask): Promise<AreaNode[]> {
  return (await ask('{ areas(kind: null) { id kind children { id } neighbourhoodIds } }')).areas;
}

export const SERIES_FIELDS = 'indicator { id } observations { period { label } numerator denominator perturbed suppressed unavailableReason }';

/** The indicators of these sectors (all by default) of every area over the year, by `$granularity`. */
export function indicatorsDocument(sectors = SECTOR_FIELDS): string {
  return `
    query Indicators($granularity: Granularity!) { areas(kind: null) { id ...Sectors } }
    fragment Series on IndicatorSeries { ${SERIES_FIELDS} }
    fragment Sectors on Area {
      ${sectors.map(({ field }) => `${field} { indicators(from: "${FROM}", to: "${TO}", granularity: $granularity) { ...Series } }`).join('\n      ')}
    }`;
}

interface ObservationData {
  period: { label: string };
  numerator: number | null;
  denominator: number | null;
  perturbed: boolean;
  suppressed: boolean;
  unavailableReason?: string | null;
}

/**
 * The numerator and (for a count base) denominator cells of one observation; none for a period its
 * sector holds no data of (NO_DATA, the same for every caller: no count behind it to attack).
 */
export function recordObservation(sink: Sink, areaId: string, indicatorId: string, o: ObservationData): void {
  if (o.unavailableReason) return;
  const spec = SPECS.get(indicatorId)!;
  const sector = spec.definition.sector;
  const figure = (value: number | null) => ({ value, perturbed: o.perturbed, suppressed: o.suppressed });
  sink(cellKey(sector, spec.numerator, areaId, o.period.label), measureSmallest(sector, spec.numerator), figure(o.numerator));
  if (spec.denominator && spec.denominator !== 'population') {
    const base = spec.denominator.measure;
    sink(cellKey(sector, base, areaId, o.period.label), measureSmallest(sector, base), figure(o.denominator));
  }
}

export function recordSeries(sink: Sink, areaId: string, series: { indicator: { id: string }; observations: ObservationData[] }[]): void {
  for (const one of series) for (const o of one.observations) recordObservation(sink, areaId, one.indicator.id, o);
}

/** The indicators of these sectors (all by default) of every area by month, quarter and year: three requests. */
export async function gatherIndicators(ask: Ask, sink: Sink, sectors = SECTOR_FIELDS): Promise<void> {
  const document = indicatorsDocument(sectors);
  for (const granularity of ['MONTH', 'QUARTER', 'YEAR']) {
    const data = await ask(document, { granularity });
    for (const area of data.areas) {
      for (const { field } of sectors) recordSeries(sink, area.id, area[field].indicators);
    }
  }
}
