import { CellBook, cellKey } from './CellBook';

/**
 * A linear relation the attacker knows between true counts: parent = Σ children, up to `slack`
 * (the rounding of stocks and apportioned counts, each true count being its exact value rounded).
 */
export interface Relation {
  family: string;
  parent: string;
  children: string[];
  slack: number;
}

/** A region split into smaller ones (a ward into its neighbourhoods), or a period into shorter ones (a year into its quarters). */
export interface Partition {
  parent: string;
  children: string[];
}

export interface ParsedKey {
  sector: string;
  measure: string;
  region: string;
  period: string;
}

export function parseKey(key: string): ParsedKey {
  const [sector, measure, region, period] = key.split('|');
  return { sector, measure, region, period };
}

/** Measures whose cells may be fractional (averaged stocks, apportioned discussions): their relations hold up to rounding. */
export function fractionalMeasures(book: CellBook): Set<string> {
  const fractional = new Set<string>();
  for (const cell of book.cells.values()) {
    if (cell.exact !== null && Math.abs(cell.exact - Math.round(cell.exact)) > 1e-6) {
      const { sector, measure } = parseKey(cell.key);
      fractional.add(`${sector}|${measure}`);
    }
  }
  return fractional;
}

/** Each term's rounding moves it by at most ½. */
const roundingSlack = (terms: number) => Math.floor(terms / 2);

/** The keys of the book's cells by `sector|measure`. */
export type MeasureIndex = ReadonlyMap<string, ReadonlySet<string>>;

export function indexByMeasure(book: CellBook): MeasureIndex {
  const byMeasure = new Map<string, Set<string>>();
  for (const key of book.cells.keys()) {
    const { sector, measure } = parseKey(key);
    const name = `${sector}|${measure}`;
    let keys = byMeasure.get(name);
    if (!keys) byMeasure.set(name, (keys = new Set()));
    keys.add(key);
  }
  return byMeasure;
}

/**
 * For every measure and every value of the other dimension: each partition's parent = Σ its
 * children along `along` (regions, or periods), where the book has all of them.
 */
function partitionRelations(
  family: string,
  index: MeasureIndex,
  fractional: Set<string>,
  partitions: readonly Partition[],
  along: 'region' | 'period',
  measureFilter: (measure: string) => boolean,
): Relation[] {
  const relations: Relation[] = [];
  for (const [measure, keys] of index) {
    if (!measureFilter(measure)) continue;
    const [sector, name] = measure.split('|');
    const others = new Set([...keys].map((key) => parseKey(key)[along === 'region' ? 'period' : 'region']));
    for (const other of others) {
      const keyOf = (part: string) => (along === 'region' ? cellKey(sector, name, part, other) : cellKey(sector, name, other, part));
      for (const partition of partitions) {
        const parent = keyOf(partition.parent);
        const children = partition.children.map(keyOf);
        if (!keys.has(parent) || children.some((child) => !keys.has(child))) continue;
        relations.push({ family, parent, children, slack: fractional.has(measure) ? roundingSlack(children.length + 1) : 0 });
      }
    }
  }
  return relations;
}

/** Every area equals the sum of its parts, for every measure and period. */
export function areaRelations(index: MeasureIndex, regions: readonly Partition[], fractional: Set<string>): Relation[] {
  return partitionRelations('area', index, fractional, regions, 'region', () => true);
}

/** Every year and quarter equals the sum of its quarters or months, for flows only (stocks are averaged over the months). */
export function periodRelations(index: MeasureIndex, periods: readonly Partition[], fractional: Set<string>, isStock: (measure: string) => boolean): Relation[] {
  return partitionRelations('period', index, fractional, periods, 'period', (measure) => !isStock(measure));
}

/**
 * For every region and period where the whole is published: whole = Σ parts (`parts` name the
 * measures; a part missing from the book drops the relation).
 */
export function breakdownRelations(book: CellBook, index: MeasureIndex, family: string, sector: string, whole: string, parts: readonly string[]): Relation[] {
  const relations: Relation[] = [];
  for (const key of index.get(`${sector}|${whole}`) ?? []) {
    const parsed = parseKey(key);
    const children = parts.map((part) => cellKey(sector, part, parsed.region, parsed.period));
    if (children.every((child) => book.has(child))) relations.push({ family, parent: key, children, slack: 0 });
  }
  return relations;
}

/**
 * `part` counts some of the units `whole` counts: whole = part + the rest, the rest being a
 * hidden unknown (its exact value derived, to check the claim on the data).
 */
export function subsetRelations(
  book: CellBook,
  index: MeasureIndex,
  family: string,
  sector: string,
  whole: string,
  part: string,
  fractional: Set<string>,
): Relation[] {
  const relations: Relation[] = [];
  for (const key of index.get(`${sector}|${whole}`) ?? []) {
    const parsed = parseKey(key);
    const partKey = cellKey(sector, part, parsed.region, parsed.period);
    if (!book.has(partKey)) continue;
    const restKey = cellKey(sector, `${whole}-minus-${part}`, parsed.region, parsed.period);
    const wholeCell = book.get(key);
    const partCell = book.get(partKey);
    book.hide(restKey, wholeCell.smallest, (wholeCell.exact ?? NaN) - (partCell.exact ?? NaN));
    const slack = fractional.has(`${sector}|${whole}`) || fractional.has(`${sector}|${part}`) ? 1 : 0;
    relations.push({ family, parent: key, children: [partKey, restKey], slack });
  }
  return relations;
}

/** Where a parent's exact value is unknown (no analyst sees it: police over two services' areas), the sum of its parts'. */
export function fillExactFromParts(book: CellBook, relations: readonly Relation[]): void {
  for (const relation of relations) {
    const parent = book.get(relation.parent);
    if (parent.exact !== null) continue;
    const parts = relation.children.map((child) => book.get(child).exact);
    if (parts.every((part) => part !== null)) parent.exact = parts.reduce((sum, part) => sum! + part!, 0);
  }
}

/** The API gives fractional values to 3 decimals: each term may be ½ of 0.001 off. */
const API_PRECISION = 0.0005;

/** Relations that the exact values contradict (a wrong model of the data): must be none. */
export function violatedRelations(book: CellBook, relations: readonly Relation[]): string[] {
  const violations: string[] = [];
  for (const relation of relations) {
    const parent = book.get(relation.parent).exact;
    const children = relation.children.map((child) => book.get(child).exact);
    if (parent === null || children.some((child) => child === null || Number.isNaN(child))) {
      violations.push(`${relation.family} ${relation.parent}: an exact value is missing`);
      continue;
    }
    const sum = children.reduce((total, child) => total! + child!, 0)!;
    if (Math.abs(parent - sum) > API_PRECISION * (children.length + 1)) violations.push(`${relation.family} ${relation.parent} = ${parent}, parts sum to ${sum}`);
    if (children.some((child) => child! < -1e-6)) violations.push(`${relation.family} ${relation.parent}: a negative part`);
  }
  return violations;
}
