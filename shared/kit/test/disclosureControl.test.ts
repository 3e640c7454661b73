import { ANONYMOUS, Caller } from '@cswb/contract/auth';
import { applyDisclosureControl, cellKey, DEFAULT_SUPPRESSION_THRESHOLD, measureThresholds, MIN_POPULATION_FOR_SUBANNUAL, protectCount, publishBreakdownCount, randomRound, seesExactValues, ROUNDING_BASE, SuppressionReason, suppressionThresholdOf, uniformDraw } from '@cswb/subgraph-kit/privacy';
import { AreaProfileSource } from '@cswb/subgraph-kit/profiles';
import { BetterDirection, buildIndicatorSeries, FrameworkArea, Granularity, IndicatorSpec, MeasureValues, periodsBetween } from '@cswb/subgraph-kit/vocabulary';

function caller(scopes: string[]): Caller {
  return { anonymous: false, subject: 'someone', agency: null, sector: null, scopes, purpose: 'planning' };
}
const PLANNER = caller(['aggregates:read']);
const POLICE_ANALYST = caller(['aggregates:read', 'records:read:police']);

function spec(id: string, numerator: string, denominator?: IndicatorSpec['denominator'], extra: Partial<IndicatorSpec> = {}): IndicatorSpec {
  return {
    numerator,
    denominator,
    per: denominator ? 100 : undefined,
    ...extra,
    definition: {
      id: `police.${id}`,
      name: id,
      definition: id,
      sector: 'police',
      frameworkArea: FrameworkArea.PREVENTION,
      unit: denominator ? 'percent' : 'count',
      betterWhen: BetterDirection.LOWER,
      source: 'test',
      frequency: Granularity.MONTH,
    },
  };
}

const COUNT = spec('count', 'a');
const RATE = spec('rate', 'a', 'population');
const SHARE = spec('share', 'b', { measure: 'c' });
const SPECS = [COUNT, RATE, SHARE];

/** Values of measures a, b, c per month of 2024, in that order of arguments. */
function values(months: Record<string, [number, number, number]>): MeasureValues {
  const result: MeasureValues = new Map([['a', new Map()], ['b', new Map()], ['c', new Map()]]);
  for (const [start, [a, b, c]] of Object.entries(months)) {
    result.get('a')!.set(start, a);
    result.get('b')!.set(start, b);
    result.get('c')!.set(start, c);
  }
  return result;
}

/** A ward of a sector one agency runs (no row ownership to check). */
const WARD: AreaProfileSource = { areaId: 'ward-1', population: 12_000, neighbourhoodIds: ['n1', 'n2'], wardId: 'ward-1', rowOwners: null };

function published(who: Caller, area: AreaProfileSource, granularity: Granularity, measures: MeasureValues, specs = SPECS) {
  const periods = periodsBetween('2024-01-01', granularity === Granularity.YEAR ? '2024-12-31' : '2024-03-31', granularity);
  const series = buildIndicatorSeries(specs, area.areaId, area.population, periods, measures);
  return applyDisclosureControl(series, specs, specs, who, area, granularity);
}

describe('randomRound', () => {
  it('leaves multiples of the base alone and otherwise returns one of the two multiples around the count', () => {
    expect(ROUNDING_BASE).toBe(5);
    for (const v of [0, 5, 10, 135, 2000]) expect(randomRound(v, `k${v}`)).toBe(v);
    for (let v = 1; v < 200; v++) {
      for (let k = 0; k < 20; k++) {
        const rounded = randomRound(v, `cell-${v}-${k}`);
        expect(rounded % 5).toBe(0);
        expect([Math.floor(v / 5) * 5, Math.ceil(v / 5) * 5]).toContain(rounded);
      }
    }
  });

  it('is deterministic: the same cell always rounds the same way', () => {
    const key = cellKey(['health', 'ed_visits.SELF_HARM', 'n07', '2024-03-01', 'MONTH']);
    const first = randomRound(13, key);
    for (let i = 0; i < 10; i++) expect(randomRound(13, key)).toBe(first);
    expect(uniformDraw(key)).toBe(uniformDraw(key));
  });

  it('rounds up with probability r/5, so the expected value is the count (unbiased)', () => {
    const n = 20_000;
    for (const v of [6, 7, 8, 9, 12]) {
      const r = v % 5;
      let ups = 0;
      let total = 0;
      for (let i = 0; i < n; i++) {
        const rounded = randomRound(v, `unbiased|${v}|${i}`);
        if (rounded > v) ups++;
        total += rounded;
      }
      expect(Math.abs(ups / n - r / 5)).toBeLessThan(0.015);
      expect(Math.abs(total / n - v)).toBeLessThan(0.08);
    }
  });

  it('draws uniformly in [0, 1)', () => {
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const u = uniformDraw(`uniform-${i}`);
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      bins[Math.floor(u * 10)]++;
    }
    for (const count of bins) expect(Math.abs(count - 1000)).toBeLessThan(120);
  });

  it('rounds an average (a stock) to a whole count first', () => {
    expect(randomRound(10.4, 'x')).toBe(10);
    expect(randomRound(14.6, 'x')).toBe(15);
    expect([10, 15]).toContain(randomRound(12.333, 'x'));
  });
});

describe('protectCount', () => {
  it('keeps a true zero, suppresses 1 to threshold − 1 and rounds the rest', () => {
    expect(DEFAULT_SUPPRESSION_THRESHOLD).toBe(5);
    expect(protectCount(0, 5, 'k')).toEqual({ value: 0, suppressed: false, suppressionReason: null });
    for (const v of [1, 2, 3, 4, 4.4, 0.6]) {
      expect(protectCount(v, 5, 'k')).toEqual({ value: null, suppressed: true, suppressionReason: SuppressionReason.SMALL_COUNT });
    }
    expect(protectCount(0.4, 5, 'k').value).toBe(0);
    expect(protectCount(5, 5, 'k').value).toBe(5);
    expect(protectCount(7, 10, 'k').suppressed).toBe(true);
    expect([10, 15]).toContain(protectCount(12, 10, 'k').value);
  });
});

describe('measureThresholds', () => {
  it('gives a measure the largest threshold of the indicators that publish it, as numerator or base', () => {
    const strict = spec('strict', 'c', undefined, { suppressionThreshold: 10 });
    const thresholds = measureThresholds([...SPECS, strict]);
    expect(thresholds.get('a')).toBe(5);
    expect(thresholds.get('b')).toBe(5);
    expect(thresholds.get('c')).toBe(10);
    expect(suppressionThresholdOf([...SPECS, strict], 'a')).toBe(5);
    expect(suppressionThresholdOf([...SPECS, strict], null)).toBe(10);
  });
});

describe('applyDisclosureControl', () => {
  const months = values({ '2024-01-01': [3, 12, 40], '2024-02-01': [0, 2, 3], '2024-03-01': [17, 13, 41] });

  it('leaves every value exact for a caller with record access in the sector', () => {
    const [count, rate, share] = published(POLICE_ANALYST, WARD, Granularity.MONTH, months);
    expect(count.observations.map((o) => o.value)).toEqual([3, 0, 17]);
    expect(rate.observations[0]).toMatchObject({ numerator: 3, denominator: 12_000, value: 0.025, suppressed: false, suppressionReason: null });
    expect(share.observations[1]).toMatchObject({ numerator: 2, denominator: 3, suppressed: false });
  });

  it('suppresses small counts and what is built on them, keeps zeros, rounds the rest to base 5', () => {
    const [count, rate, share] = published(PLANNER, WARD, Granularity.MONTH, months);
    expect(count.observations[0]).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true, suppressionReason: 'SMALL_COUNT' });
    expect(count.observations[1]).toMatchObject({ value: 0, numerator: 0, suppressed: false, suppressionReason: null });
    expect([15, 20]).toContain(count.observations[2].value);
    expect(rate.observations[0]).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true, suppressionReason: 'SMALL_COUNT' });

    // The same measure in the same cell rounds alike in every indicator that publishes it.
    const march = rate.observations[2];
    expect(march.numerator).toBe(count.observations[2].value);
    expect(march.denominator).toBe(12_000);
    expect(march.value).toBe(Math.round((march.numerator! / 12_000) * 100 * 1000) / 1000);

    // A share: rounded numerator over rounded base; a small base suppresses it.
    expect([10, 15]).toContain(share.observations[0].numerator);
    expect(share.observations[0].denominator).toBe(40);
    expect(share.observations[0].value).toBe(Math.round((share.observations[0].numerator! / 40) * 100 * 1000) / 1000);
    expect(share.observations[1]).toMatchObject({ value: null, numerator: null, denominator: null, suppressionReason: 'SMALL_COUNT' });
    const smallBase = published(PLANNER, WARD, Granularity.MONTH, values({ '2024-01-01': [0, 0, 3] }))[2];
    expect(smallBase.observations[0]).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true, suppressionReason: 'SMALL_DENOMINATOR' });
  });

  it('gives the same output for the same cell in every request', () => {
    expect(published(PLANNER, WARD, Granularity.MONTH, months)).toEqual(published(PLANNER, WARD, Granularity.MONTH, months));
  });

  it('reports areas under the population threshold by year only', () => {
    const small = { ...WARD, areaId: 'n9', population: MIN_POPULATION_FOR_SUBANNUAL - 1, neighbourhoodIds: ['n9', 'n10'] };
    const yearly = values({ '2024-01-01': [40, 40, 40] });
    for (const granularity of [Granularity.MONTH, Granularity.QUARTER]) {
      for (const series of published(PLANNER, small, granularity, yearly)) {
        expect(series.observations.every((o) => o.suppressed && o.suppressionReason === 'SMALL_AREA' && o.value === null)).toBe(true);
      }
    }
    expect(published(PLANNER, small, Granularity.YEAR, yearly)[0].observations[0]).toMatchObject({ value: 40, suppressed: false });
    expect(published(PLANNER, { ...small, population: MIN_POPULATION_FOR_SUBANNUAL }, Granularity.MONTH, yearly)[0].observations[0].suppressed).toBe(false);
  });

  it('withholds a single neighbourhood from callers without aggregates:read, but not a ward', () => {
    const neighbourhood = { ...WARD, areaId: 'n1', population: 9_000, neighbourhoodIds: ['n1'] };
    for (const series of published(ANONYMOUS, neighbourhood, Granularity.YEAR, months)) {
      expect(series.observations.every((o) => o.suppressed && o.suppressionReason === 'COARSE_GEOGRAPHY_ONLY' && o.value === null)).toBe(true);
    }
    expect(published(PLANNER, neighbourhood, Granularity.YEAR, values({ '2024-01-01': [40, 40, 40] }))[0].observations[0].suppressed).toBe(false);
    const [count] = published(ANONYMOUS, WARD, Granularity.MONTH, months);
    expect(count.observations[1]).toMatchObject({ value: 0, suppressed: false });
    expect([15, 20]).toContain(count.observations[2].value);
  });

  it('leaves every published count a multiple of 5, so no difference of them is a suppressed value', () => {
    const exact = new Map<string, number>();
    const rounded = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const v = (i * 7) % 23;
      const area = { ...WARD, areaId: `n${i}`, population: 5000, neighbourhoodIds: [`n${i}`, 'x'] };
      const [count] = published(PLANNER, area, Granularity.MONTH, values({ '2024-01-01': [v, 0, 0] }), [COUNT]);
      exact.set(area.areaId, v);
      const value = count.observations[0].value;
      if (value !== null) rounded.set(area.areaId, value);
      else expect(v >= 1 && v <= 4).toBe(true);
    }
    for (const value of rounded.values()) expect(value % 5).toBe(0);
    // Not a copy of the exact values: most counts not a multiple of 5 moved.
    expect([...rounded].filter(([id, value]) => value !== exact.get(id)).length).toBeGreaterThan(100);
  });
});

describe('publishBreakdownCount', () => {
  const cell = { sector: 'health', measure: 'ed_visits_by_age_group', identity: ['2024-01', '2024-12', 'SELF_HARM', '12-17'], threshold: 5 };

  it('applies the count rules to one cell of a breakdown', () => {
    expect(publishBreakdownCount(3, cell, caller(['aggregates:read', 'records:read:health']), WARD, false)).toEqual({ value: 3, suppressed: false, suppressionReason: null });
    expect(publishBreakdownCount(3, cell, PLANNER, WARD, false)).toEqual({ value: null, suppressed: true, suppressionReason: 'SMALL_COUNT' });
    expect([10, 15]).toContain(publishBreakdownCount(13, cell, PLANNER, WARD, false).value);
    expect(publishBreakdownCount(13, cell, PLANNER, { ...WARD, population: 100 }, true).suppressionReason).toBe('SMALL_AREA');
    expect(publishBreakdownCount(13, cell, ANONYMOUS, { ...WARD, neighbourhoodIds: ['ward-1'] }, false).suppressionReason).toBe('COARSE_GEOGRAPHY_ONLY');
  });
});

describe('exact values only over the rows of the caller\'s own agency', () => {
  const analyst = (agency: string | null): Caller => ({ ...POLICE_ANALYST, agency });
  const months = values({ '2024-01-01': [3, 12, 40], '2024-02-01': [0, 2, 3], '2024-03-01': [17, 13, 41] });

  it('needs record access, and every agency holding rows in the area to be the caller\'s', () => {
    expect(seesExactValues(PLANNER, 'police', null)).toBe(false);
    expect(seesExactValues(PLANNER, 'police', ['city-police'])).toBe(false);
    // A sector one agency runs declares no ownership: record access is enough.
    expect(seesExactValues(POLICE_ANALYST, 'police', null)).toBe(true);
    expect(seesExactValues(analyst('city-police'), 'police', ['city-police'])).toBe(true);
    expect(seesExactValues(analyst('city-police'), 'police', [])).toBe(true);
    expect(seesExactValues(analyst('city-police'), 'police', ['city-police', 'opp'])).toBe(false);
    expect(seesExactValues(analyst('opp'), 'police', ['city-police'])).toBe(false);
    expect(seesExactValues(analyst(null), 'police', ['city-police'])).toBe(false);
    expect(seesExactValues(analyst('city-police'), 'health', null)).toBe(false);
  });

  it('gives an analyst of one agency the protected figures of an area another agency also holds rows in, as a planner gets them', () => {
    const shared = { ...WARD, rowOwners: ['city-police', 'opp'] };
    const own = { ...WARD, rowOwners: ['city-police'] };
    expect(published(analyst('city-police'), shared, Granularity.MONTH, months)).toEqual(published(PLANNER, shared, Granularity.MONTH, months));
    expect(published(analyst('city-police'), own, Granularity.MONTH, months)[0].observations.map((o) => o.value)).toEqual([3, 0, 17]);
    const cell = { sector: 'police', measure: 'by_category', identity: ['2024'], threshold: 5 };
    expect(publishBreakdownCount(3, cell, analyst('city-police'), shared, false)).toEqual(publishBreakdownCount(3, cell, PLANNER, shared, false));
    expect(publishBreakdownCount(3, cell, analyst('city-police'), own, false)).toEqual({ value: 3, suppressed: false, suppressionReason: null });
  });
});
