import { discoverSubgraphs } from '@cswb/cli';
import { measureSmallestPublished, perturbationTableFor } from '@cswb/subgraph-kit/privacy';
import type { IndicatorSpec } from '@cswb/subgraph-kit/vocabulary';
import { analystHeaders } from '@cswb/testing/analyst';
import { smallCity } from '@cswb/testing/expected';
import { graphql } from '@cswb/testing/graphql';
import { startTestStack, TestStack } from '@cswb/testing/stack';
import { bearer, signToken } from '@cswb/testing/tokens';

const { city, occurrences } = smallCity();
const SECTOR_SPECS = discoverSubgraphs().map((s) => (s.definition.indicators ?? []) as readonly IndicatorSpec[]);

/** The largest noise the numerator of an indicator can carry: D, raised to T − 1 for a measure with a larger smallest published count. */
function maxNoiseOf(indicatorId: string): number {
  const specs = SECTOR_SPECS.find((list) => list.some((spec) => spec.definition.id === indicatorId))!;
  const spec = specs.find((one) => one.definition.id === indicatorId)!;
  return perturbationTableFor(measureSmallestPublished(specs).get(spec.numerator)).parameters.maxNoise;
}
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack('readings');
});
afterAll(async () => {
  await stack?.stop();
});

const QUERY = `{
  plans(status: PUBLISHED) {
    performanceMeasures {
      id indicatorId areaId baseline baselinePeriod target targetDate
      reading {
        __typename
        ... on IndicatorReading { measureId current { value numerator perturbed suppressed period { label start end } } series { value period { label } } progress trend }
      }
    }
  }
}`;

/** The progress rule of the README, written again here: straight line from baseline to target. */
function expectedProgress(baseline: number, target: number, baselineEnd: string, targetDate: string, current: number, currentEnd: string): string {
  const covered = (current - baseline) / (target - baseline);
  if (covered >= 1) return 'ACHIEVED';
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const elapsed = Math.min(1, Math.max(0, (day(currentEnd) - day(baselineEnd)) / (day(targetDate) - day(baselineEnd))));
  if (covered >= 0.9 * elapsed) return 'ON_TRACK';
  return covered > 0 ? 'AT_RISK' : 'OFF_TRACK';
}

describe("a plan's performance measures read live from the sectors that own the indicators", () => {
  it('shows current values fetched from each owning sector, equal to the seed, with progress against baseline and target', async () => {
    const response = await graphql(stack.gateway.url, QUERY, undefined, await analystHeaders());
    expect(response.errors).toBeUndefined();
    const measures = response.data.plans.flatMap((p: any) => p.performanceMeasures);
    expect(measures.length).toBeGreaterThanOrEqual(6);
    const sectors = new Set(measures.map((m: any) => m.reading.__typename));
    expect(sectors.size).toBeGreaterThanOrEqual(3);

    const violent = measures.find((m: any) => m.indicatorId === 'police.violent_crime_rate');
    expect(violent.reading.__typename).toBe('PoliceIndicatorReading');
    const area = [city.municipality, ...city.wards, ...city.neighbourhoods].find((a) => a.id === violent.areaId)!;
    const covered = new Set(
      city.neighbourhoods.filter((n) => area.kind === 'MUNICIPALITY' || n.id === area.id || n.parentId === area.id).map((n) => n.id),
    );
    const count = occurrences.filter((o) => covered.has(o.areaId) && o.category === 'VIOLENT' && o.occurredOn.startsWith('2024-')).length;
    // The seed's police data ends in 2024: the latest complete year is the current value.
    expect(violent.reading.current).toMatchObject({ numerator: count, suppressed: false, period: { label: '2024', end: '2024-12-31' } });
    expect(violent.reading.current.value).toBeCloseTo((count / area.population) * 1000, 3);
    expect(violent.reading.series.map((o: any) => o.period.label)).toEqual(['2023', '2024']);
    expect(violent.reading.progress).toBe(
      expectedProgress(violent.baseline, violent.target, '2023-12-31', violent.targetDate, violent.reading.current.value, '2024-12-31'),
    );
    for (const measure of measures) {
      expect(measure.reading.measureId).toBe(measure.id);
      expect(['ACHIEVED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'UNKNOWN']).toContain(measure.reading.progress);
    }
  });

  it("applies the caller's disclosure control: the public sees perturbed values, never a small count, and UNKNOWN progress when withheld", async () => {
    const response = await graphql(stack.gateway.url, QUERY);
    expect(response.errors).toBeUndefined();
    const measures = response.data.plans.flatMap((p: any) => p.performanceMeasures);
    expect(measures.some((m: any) => m.reading.current?.perturbed)).toBe(true);
    for (const measure of measures) {
      const current = measure.reading.current;
      if (current === null || current.suppressed) expect(measure.reading.progress).toBe('UNKNOWN');
      else if (current.numerator !== null) {
        expect(current.perturbed).toBe(true);
        expect(current.numerator === 0 || current.numerator >= 5).toBe(true);
      }
    }
  });

  it("gives a planner the same perturbed figure by the reading as by the area's indicators, within the noise bound of the exact one", async () => {
    const planner = bearer(await signToken({ scope: 'aggregates:read plans:write', purpose: 'planning' }));
    const readings = await graphql(stack.gateway.url, QUERY, undefined, planner);
    const exact = await graphql(stack.gateway.url, QUERY, undefined, await analystHeaders());
    expect(readings.errors).toBeUndefined();
    const measures = readings.data.plans.flatMap((p: any) => p.performanceMeasures).filter((m: any) => m.reading.current);
    const exactById = new Map(exact.data.plans.flatMap((p: any) => p.performanceMeasures).map((m: any) => [m.id, m.reading.current]));
    expect(measures.length).toBeGreaterThan(0);
    const field: Record<string, string> = { police: 'police', health: 'health', education: 'education', housing: 'housing', 'social-services': 'socialServices', 'situation-table': 'situationTable' };
    for (const measure of measures) {
      const current = measure.reading.current;
      const sector = Object.keys(field).find((s) => measure.indicatorId.startsWith(`${s}.`))!;
      const { start, end } = current.period;
      const direct = await graphql(
        stack.gateway.url,
        `{ area(id: "${measure.areaId}") { ${field[sector]} { indicators(ids: ["${measure.indicatorId}"], from: "${start}", to: "${end}", granularity: YEAR) { observations { value numerator perturbed } } } } }`,
        undefined,
        planner,
      );
      expect(direct.data.area[field[sector]].indicators[0].observations[0]).toEqual({ value: current.value, numerator: current.numerator, perturbed: true });
      expect(Math.abs(current.numerator - (exactById.get(measure.id) as any).numerator)).toBeLessThanOrEqual(maxNoiseOf(measure.indicatorId));
    }
  });
});
