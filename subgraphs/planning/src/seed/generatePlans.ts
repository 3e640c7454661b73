import { SyntheticArea, SyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { CommitteeRole } from '../entities/CommitteeRole';
import { deterministicId } from '../plans/deterministicId';
import { PlanRecords } from '../store/planRecords';
import { LAKESHORE_PLANS } from './fixtures/lakeshorePlans';
import { Amount, AreaSelector, PlanFixture } from './fixtures/PlanFixture';

export type SeedPlans = PlanRecords;

/** Ids of the seeded rows depend on the municipality id and a key only, never on the seed. */
export function seedId(municipalityId: string, key: string): string {
  return deterministicId(`planning/${municipalityId}/${key}`);
}

/** One fixture plan placed in the synthetic city: its id, and how its keys and selectors resolve there. */
interface PlacedPlan {
  fixture: PlanFixture;
  planId: string;
  /** The id of the plan's row of a kind (`risk`, `strategy`, …) with this key. */
  idOf(kind: string, key: string): string;
  areaIds(selector: AreaSelector): string[];
  amount(amount: Amount): number;
}

/** Most deprived first; the hidden score only chooses the areas, it is never stored. */
function byDeprivation(areas: readonly SyntheticArea[]): SyntheticArea[] {
  return [...areas].sort((a, b) => b.deprivation - a.deprivation || a.id.localeCompare(b.id));
}

function place(city: SyntheticCity, fixture: PlanFixture): PlacedPlan {
  const municipality = city.municipality;
  const planId = seedId(municipality.id, `plan/${fixture.key}`);
  return {
    fixture,
    planId,
    idOf: (kind, key) => seedId(municipality.id, `${planId}/${kind}/${key}`),
    areaIds: (selector) => {
      if (selector === 'municipality') return [municipality.id];
      if (selector === 'mostDeprivedWard') return [byDeprivation(city.wards)[0].id];
      return byDeprivation(city.neighbourhoods)
        .slice(0, selector.mostDeprivedNeighbourhoods)
        .map((n) => n.id);
    },
    amount: (amount) => (typeof amount === 'number' ? amount : Math.round((municipality.population / 1000) * amount.perThousandResidents)),
  };
}

function planRecord({ fixture, planId }: PlacedPlan, municipalityId: string): PlanRecords['plans'][number] {
  const { title, periodStart, periodEnd, status, adoptedOn, reviewDue } = fixture;
  return { id: planId, municipalityId, title, periodStart, periodEnd, status, adoptedOn, reviewDue, createdBy: 'seed' };
}

function committeeMembers({ fixture, planId, idOf }: PlacedPlan): PlanRecords['members'] {
  return fixture.committee.map(({ key, sector, organisation, role }) => ({
    id: idOf('member', key),
    planId,
    sector,
    organisation,
    role: role ?? CommitteeRole.MEMBER,
  }));
}

function priorityRisks({ fixture, planId, idOf, areaIds }: PlacedPlan): PlanRecords['risks'] {
  return fixture.priorityRisks.map(({ rank, category, rationale, areas }) => ({
    id: idOf('risk', category),
    planId,
    category,
    rationale,
    rank,
    areaIds: areaIds(areas).sort(),
  }));
}

function strategies({ fixture, planId, idOf }: PlacedPlan): PlanRecords['strategies'] {
  return fixture.strategies.map(({ key, priorityRisks: categories, ...fields }) => ({
    id: idOf('strategy', key),
    planId,
    ...fields,
    riskIds: categories.map((category) => idOf('risk', category)),
  }));
}

function outcomes({ fixture, planId, idOf }: PlacedPlan): PlanRecords['outcomes'] {
  return fixture.outcomes.map(({ key, strategy, level, statement }) => ({
    id: idOf('outcome', key),
    planId,
    strategyId: idOf('strategy', strategy),
    statement,
    level,
  }));
}

function performanceMeasures({ fixture, planId, idOf, areaIds, amount }: PlacedPlan): PlanRecords['measures'] {
  return fixture.measures.map(({ outcome, area, baseline: baselineAmount, target, ...fields }) => {
    const [areaId] = areaIds(area);
    const baseline = amount(baselineAmount);
    return {
      id: idOf('measure', `${fields.indicatorId}/${areaId}`),
      planId,
      outcomeId: idOf('outcome', outcome),
      indicatorId: fields.indicatorId,
      areaId,
      baseline,
      baselinePeriod: fields.baselinePeriod,
      target: typeof target === 'number' ? target : Math.round(baseline * target.shareOfBaseline),
      targetDate: fields.targetDate,
      dataSource: fields.dataSource,
      collectionFrequency: fields.collectionFrequency,
      responsiblePartner: fields.responsiblePartner,
    };
  });
}

function implementationTasks({ fixture, planId, idOf }: PlacedPlan): PlanRecords['tasks'] {
  return fixture.tasks.map(({ key, strategy, ...fields }) => ({
    id: idOf('task', key),
    planId,
    strategyId: strategy === null ? null : idOf('strategy', strategy),
    ...fields,
  }));
}

/**
 * The seeded plans of the synthetic municipality (fixtures/lakeshorePlans), the same for the
 * same city: the fixtures' areas and amounts resolved against it, every row with its id.
 */
export function generatePlans(city: SyntheticCity): SeedPlans {
  const placed = LAKESHORE_PLANS.map((fixture) => place(city, fixture));
  return {
    plans: placed.map((plan) => planRecord(plan, city.municipality.id)),
    members: placed.flatMap(committeeMembers),
    risks: placed.flatMap(priorityRisks),
    strategies: placed.flatMap(strategies),
    outcomes: placed.flatMap(outcomes),
    measures: placed.flatMap(performanceMeasures),
    tasks: placed.flatMap(implementationTasks),
  };
}
