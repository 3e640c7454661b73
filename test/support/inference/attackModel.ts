import { HealthAgeGroup } from '@cswb/subgraph-health';
import { RiskFactorCategory } from '@cswb/subgraph-kit/vocabulary';
import { SituationTableAgeGroup, SituationTableSector } from '@cswb/subgraph-situation-table';
import type { CellBook } from './CellBook';
import { isStock, PERIOD_PARTITIONS, SECTOR_SPECS } from './catalogue';
import { ageGroupMeasure, REASONS } from './edVisits';
import type { AreaNode } from './gather';
import {
  areaRelations,
  breakdownRelations,
  fillExactFromParts,
  fractionalMeasures,
  indexByMeasure,
  MeasureIndex,
  periodRelations,
  Relation,
  Partition,
  subsetRelations,
} from './relations';

/**
 * Every linear relation an attacker knows between the true counts behind the published figures
 * (from the public data model: the area and period hierarchies, the breakdowns, and counts of
 * a subset of another count's units).
 */

/** Municipality = Σ wards = Σ neighbourhoods, each ward = Σ its neighbourhoods. */
export function regionPartitions(areas: readonly AreaNode[]): Partition[] {
  const partitions: Partition[] = [];
  for (const area of areas) {
    if (area.kind === 'NEIGHBOURHOOD') continue;
    partitions.push({ parent: area.id, children: area.children.map((c) => c.id) });
    if (area.kind === 'MUNICIPALITY') partitions.push({ parent: area.id, children: area.neighbourhoodIds });
  }
  return partitions;
}

const names = (enumeration: object) => Object.keys(enumeration);

function healthBreakdowns(book: CellBook, index: MeasureIndex): Relation[] {
  const reasons = REASONS.filter((r): r is string => r !== null);
  const ages = names(HealthAgeGroup);
  return [
    ...reasons.flatMap((reason) =>
      breakdownRelations(book, index, 'ED visits of a reason = Σ age groups', 'health', `ed_visits.${reason}`, ages.map((age) => ageGroupMeasure(reason, age))),
    ),
    ...ages.flatMap((age) =>
      breakdownRelations(book, index, 'ED visits of an age group = Σ reasons', 'health', ageGroupMeasure(null, age), reasons.map((reason) => ageGroupMeasure(reason, age))),
    ),
  ];
}

function situationTableBreakdowns(book: CellBook, index: MeasureIndex, fractional: Set<string>): Relation[] {
  const sector = 'situation-table';
  const subsetsOfAer = [
    ...names(RiskFactorCategory).map((c) => `category.${c}`),
    ...names(SituationTableSector).map((a) => `agency.${a}`),
  ];
  return [
    ...breakdownRelations(book, index, 'AER discussions = Σ age groups', sector, 'aer_met', names(SituationTableAgeGroup).map((a) => `age.${a}`)),
    ...breakdownRelations(book, index, 'whole discussions = apportioned discussions', sector, 'discussions.whole', ['discussions']),
    ...subsetRelations(book, index, 'AER discussions ⊆ discussions', sector, 'discussions.whole', 'aer_met', fractional),
    ...subsetsOfAer.flatMap((part) => subsetRelations(book, index, `${part.split('.')[0]} ⊆ AER discussions`, sector, 'aer_met', part, fractional)),
  ];
}

/** A rate's numerator counts some of its count base's units (bed nights occupied of those available, AER discussions of all...). */
function numeratorsWithinBases(book: CellBook, index: MeasureIndex, fractional: Set<string>): Relation[] {
  const pairs = new Set<string>();
  for (const [sector, specs] of SECTOR_SPECS) {
    for (const spec of specs) {
      if (spec.denominator && spec.denominator !== 'population') pairs.add(`${sector}|${spec.denominator.measure}|${spec.numerator}`);
    }
  }
  pairs.add('police|calls.ALL|calls.PERSON_IN_CRISIS');
  pairs.add('police|calls.ALL|calls.MHA_APPREHENSION');
  return [...pairs].flatMap((pair) => {
    const [sector, whole, part] = pair.split('|');
    return subsetRelations(book, index, `${sector} ${part} ⊆ ${whole}`, sector, whole, part, fractional);
  });
}

/**
 * Every relation, after filling in the exact values no analyst sees (police over two services'
 * areas) from their parts.
 */
export function buildRelations(book: CellBook, areas: readonly AreaNode[]): Relation[] {
  const fractional = fractionalMeasures(book);
  const index = indexByMeasure(book);
  const hierarchy = [...areaRelations(index, regionPartitions(areas), fractional), ...periodRelations(index, PERIOD_PARTITIONS, fractional, isStock)];
  fillExactFromParts(book, hierarchy);
  return [
    ...hierarchy,
    ...healthBreakdowns(book, index),
    ...situationTableBreakdowns(book, index, fractional),
    ...numeratorsWithinBases(book, index, fractional),
  ];
}
