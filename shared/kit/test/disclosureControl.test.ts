import { createHash } from 'node:crypto';
import { ANONYMOUS, Caller } from '@cswb/contract/auth';
import {
  addKeySums,
  applyDisclosureControl,
  DEFAULT_SMALLEST_PUBLISHED,
  MAX_NOISE,
  measureSmallestPublished,
  MIN_POPULATION_FOR_SUBANNUAL,
  publishBreakdownCount,
  publishCount,
  seesExactValues,
  smallestPublishedOf,
} from '@cswb/subgraph-kit/privacy';
import { AreaProfileSource } from '@cswb/subgraph-kit/profiles';
import {
  BetterDirection,
  buildIndicatorSeries,
  FrameworkArea,
  Granularity,
  IndicatorSpec,
  MeasureCoverage,
  MeasureValues,
  periodsBetween,
  UnavailableReason,
} from '@cswb/subgraph-kit/vocabulary';

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
      fr: { name: id, definition: id, unit: denominator ? 'pourcentage' : 'nombre', source: 'essai' },
    },
  };
}

const COUNT = spec('count', 'a');
const RATE = spec('rate', 'a', 'population');
const SHARE = spec('share', 'b', { measure: 'c' });
const SPECS = [COUNT, RATE, SHARE];

/** A key sum for a made-up cell, spread over 0 … 2^32 − 1 (the test's stand-in for the units' random keys). */
const keyOf = (...parts: (string | number)[]) => createHash('sha256').update(parts.join('|')).digest().readUInt32BE(0);

/** Values of measures a, b, c per month of 2024, in that order of arguments, each cell with a key sum of its own. */
function values(months: Record<string, [number, number, number]>, salt = ''): MeasureValues {
  const result: MeasureValues = new Map([['a', new Map()], ['b', new Map()], ['c', new Map()]]);
  for (const [start, counts] of Object.entries(months)) {
    (['a', 'b', 'c'] as const).forEach((measure, i) => result.get(measure)!.set(start, { value: counts[i], keySum: keyOf(salt, measure, start) }));
  }
  return result;
}

/** A ward of a sector one agency runs (no row ownership to check). */
const WARD: AreaProfileSource = { areaId: 'ward-1', population: 12_000, neighbourhoodIds: ['n1', 'n2'], wardId: 'ward-1', rowOwners: null };

/** Measures a, b and c hold data for every month of 2024. */
const ALL_2024 = new MeasureCoverage(['a', 'b', 'c'].map((measures) => ({ measures, firstMonth: '2024-01-01', lastMonth: '2024-12-01' })));

function published(who: Caller, area: AreaProfileSource, granularity: Granularity, measures: MeasureValues, specs = SPECS, coverage = ALL_2024) {
  const periods = periodsBetween('2024-01-01', granularity === Granularity.YEAR ? '2024-12-31' : '2024-03-31', granularity);
  const series = buildIndicatorSeries(specs, area.areaId, area.population, periods, measures, coverage);
  return applyDisclosureControl(series, specs, specs, who, area, granularity);
}

describe('measureSmallestPublished', () => {
  it('gives a measure the largest smallest published count of the indicators that publish it, as numerator or base', () => {
    const strict = spec('strict', 'b', { measure: 'c' }, { smallestPublished: 10 });
    const smallest = measureSmallestPublished([...SPECS, strict]);
    expect(Object.fromEntries(smallest)).toEqual({ a: 5, b: 10, c: 10 });
    expect(smallestPublishedOf([...SPECS, strict], 'a')).toBe(5);
    expect(smallestPublishedOf([...SPECS, strict], null)).toBe(10);
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

  it('perturbs every count by its cell key, keeps zeros, never publishes 1 … T − 1, and builds rates from perturbed counts', () => {
    const [count, rate, share] = published(PLANNER, WARD, Granularity.MONTH, months);
    const cellOf = (measure: string, start: string) => months.get(measure)!.get(start)!;
    for (const [i, start] of ['2024-01-01', '2024-02-01', '2024-03-01'].entries()) {
      const a = cellOf('a', start);
      expect(count.observations[i]).toMatchObject({ value: publishCount(a.value, a.keySum), numerator: publishCount(a.value, a.keySum), perturbed: true, suppressed: false, suppressionReason: null });
    }
    expect(count.observations[1]).toMatchObject({ value: 0, numerator: 0 });
    for (const o of [...count.observations, ...share.observations]) {
      expect(o.numerator === 0 || o.numerator! >= DEFAULT_SMALLEST_PUBLISHED).toBe(true);
      expect(Object.keys(o)).not.toContain('numeratorKeySum');
    }

    // The same measure in the same cell is published alike in every indicator that publishes it.
    expect(rate.observations.map((o) => o.numerator)).toEqual(count.observations.map((o) => o.value));
    const march = rate.observations[2];
    expect(march.denominator).toBe(12_000);
    expect(march.value).toBe(Math.round((march.numerator! / 12_000) * 100 * 1000) / 1000);

    // A share: perturbed numerator over perturbed base; a base published 0 gives no value.
    const january = share.observations[0];
    expect(january.numerator).toBe(publishCount(12, cellOf('b', '2024-01-01').keySum));
    expect(january.denominator).toBe(publishCount(40, cellOf('c', '2024-01-01').keySum));
    expect(january.value).toBe(Math.round((january.numerator! / january.denominator!) * 100 * 1000) / 1000);
    const zeroBase = published(PLANNER, WARD, Granularity.MONTH, values({ '2024-01-01': [0, 0, 0] }))[2];
    expect(zeroBase.observations[0]).toMatchObject({ value: null, numerator: 0, denominator: 0, perturbed: true, suppressed: false });
  });

  it('gives no reason and no flag that tells a small count from a zero or a large one', () => {
    const results = [0, 1, 2, 3, 4, 5, 40].map((v) => published(PLANNER, WARD, Granularity.YEAR, values({ '2024-01-01': [v, v, v + 1] }), [COUNT])[0].observations[0]);
    for (const o of results) expect(o).toMatchObject({ perturbed: true, suppressed: false, suppressionReason: null });
  });

  it('draws a measure of a stricter indicator from its own table: never 1 … 9 for T = 10, within T − 1 of the truth', () => {
    const strict = spec('strict', 'b', undefined, { smallestPublished: 10 });
    const specs = [COUNT, strict];
    for (let i = 0; i < 400; i++) {
      const v = i % 15;
      const [a, b] = published(PLANNER, WARD, Granularity.YEAR, values({ '2024-01-01': [v, v, 0] }, `s${i}`), specs).map((series) => series.observations[0].value!);
      expect(a === 0 || a >= 5).toBe(true);
      expect(Math.abs(a - v)).toBeLessThanOrEqual(MAX_NOISE);
      expect(b === 0 || b >= 10).toBe(true);
      expect(Math.abs(b - v)).toBeLessThanOrEqual(9);
    }
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
    expect(published(PLANNER, small, Granularity.YEAR, yearly)[0].observations[0]).toMatchObject({ value: publishCount(40, yearly.get('a')!.get('2024-01-01')!.keySum), suppressed: false });
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
    expect(count.observations[2]).toMatchObject({ value: publishCount(17, months.get('a')!.get('2024-03-01')!.keySum), perturbed: true });
  });

  it('moves counts by at most the maximum noise, changes many of them, and is unbiased over many cells', () => {
    let changed = 0;
    let totalExact = 0;
    let totalPublished = 0;
    for (let i = 0; i < 2000; i++) {
      const v = 5 + (i % 40);
      const area = { ...WARD, areaId: `n${i}`, neighbourhoodIds: [`n${i}`, 'x'] };
      const value = published(PLANNER, area, Granularity.YEAR, values({ '2024-01-01': [v, 0, 0] }, `u${i}`), [COUNT])[0].observations[0].value!;
      expect(Math.abs(value - v)).toBeLessThanOrEqual(MAX_NOISE);
      if (value !== v) changed++;
      totalExact += v;
      totalPublished += value;
    }
    expect(changed).toBeGreaterThan(800);
    // Mean noise 0: sd of the mean of 2,000 draws of variance ≤ 3 is about 0.04.
    expect(Math.abs(totalPublished - totalExact) / 2000).toBeLessThan(0.2);
  });

  it('publishes the same units alike however their key sum was added up', () => {
    const parts = [123_456_789, 4_000_000_000, 987_654_321];
    const whole = parts.reduce(addKeySums, 0);
    const reordered = [parts[2], parts[0], parts[1]].reduce(addKeySums, 0);
    expect(reordered).toBe(whole);
    expect(publishCount(17, whole)).toBe(publishCount(17, reordered));
  });
});

describe('periods without data', () => {
  const months = values({ '2024-01-01': [3, 12, 40], '2024-02-01': [0, 2, 3], '2024-03-01': [17, 13, 41] });
  // a and b hold February and March only; c (the share's base) January and February.
  const partial = new MeasureCoverage([
    { measures: 'a', firstMonth: '2024-02-01', lastMonth: '2024-03-01' },
    { measures: 'b', firstMonth: '2024-02-01', lastMonth: '2024-03-01' },
    { measures: 'c', firstMonth: '2024-01-01', lastMonth: '2024-02-01' },
  ]);
  const NO_DATA = { value: null, numerator: null, denominator: null, perturbed: false, suppressed: false, suppressionReason: null, unavailableReason: UnavailableReason.NO_DATA };

  it('answers no value outside the months a measure holds, 0 for a month inside them without records, for every caller', () => {
    for (const who of [POLICE_ANALYST, PLANNER]) {
      const [count, rate, share] = published(who, WARD, Granularity.MONTH, months, SPECS, partial);
      expect(count.observations[0]).toEqual({ areaId: 'ward-1', period: count.observations[0].period, unit: 'count', ...NO_DATA });
      expect(count.observations[1]).toMatchObject({ value: 0, numerator: 0, unavailableReason: null });
      expect(rate.observations[0]).toMatchObject(NO_DATA);
      // A share is known only where numerator and base both are: February.
      expect(share.observations.map((o) => o.unavailableReason)).toEqual([UnavailableReason.NO_DATA, null, UnavailableReason.NO_DATA]);
    }
  });

  it('says only "no data" where a disclosure rule would withhold the covered periods, and changes nothing in them', () => {
    const neighbourhood: AreaProfileSource = { areaId: 'n1', population: 12_000, neighbourhoodIds: ['n1'], wardId: 'ward-1', rowOwners: null };
    const [count] = published(caller([]), neighbourhood, Granularity.MONTH, months, SPECS, partial);
    expect(count.observations[0]).toMatchObject(NO_DATA);
    expect(count.observations[1]).toMatchObject({ value: null, suppressed: true, suppressionReason: 'COARSE_GEOGRAPHY_ONLY', unavailableReason: null });
    const covered = published(PLANNER, WARD, Granularity.MONTH, months, SPECS, partial)[0].observations.slice(1);
    expect(covered).toEqual(published(PLANNER, WARD, Granularity.MONTH, months)[0].observations.slice(1));
  });

  it('answers a year any month of which holds data, and nothing for a measure no source names or a source with no rows', () => {
    expect(published(PLANNER, WARD, Granularity.YEAR, months, [COUNT], partial)[0].observations[0].unavailableReason).toBeNull();
    const unnamed = new MeasureCoverage([{ measures: 'b', firstMonth: '2024-01-01', lastMonth: '2024-12-01' }, { measures: 'a.*', firstMonth: '2024-01-01', lastMonth: '2024-12-01' }]);
    expect(published(PLANNER, WARD, Granularity.YEAR, months, [COUNT], unnamed)[0].observations[0]).toMatchObject(NO_DATA);
    const empty = new MeasureCoverage([{ measures: 'a', firstMonth: null, lastMonth: null }]);
    expect(published(PLANNER, WARD, Granularity.YEAR, months, [COUNT], empty)[0].observations[0]).toMatchObject(NO_DATA);
  });
});

describe('publishBreakdownCount', () => {
  const cell = { sector: 'health', keySum: 2_000_000_000, smallestPublished: 5 };
  const HEALTH_ANALYST = caller(['aggregates:read', 'records:read:health']);
  const NEIGHBOURHOOD = { ...WARD, areaId: 'n1', neighbourhoodIds: ['n1'] };

  it('applies the count rules to one cell of a breakdown', () => {
    expect(publishBreakdownCount(3, cell, HEALTH_ANALYST, WARD, false)).toEqual({ value: 3, perturbed: false, suppressed: false, suppressionReason: null });
    expect(publishBreakdownCount(3, cell, PLANNER, WARD, false)).toEqual({ value: publishCount(3, cell.keySum), perturbed: true, suppressed: false, suppressionReason: null });
    expect(publishBreakdownCount(13, cell, PLANNER, { ...WARD, population: 100 }, true).suppressionReason).toBe('SMALL_AREA');
    expect(publishBreakdownCount(13, cell, ANONYMOUS, { ...WARD, neighbourhoodIds: ['ward-1'] }, false).suppressionReason).toBe('COARSE_GEOGRAPHY_ONLY');
  });

  it("publishes a neighbourhood's breakdown by year only", () => {
    expect(publishBreakdownCount(13, cell, PLANNER, NEIGHBOURHOOD, true)).toEqual({ value: null, perturbed: false, suppressed: true, suppressionReason: 'FINE_BREAKDOWN' });
    expect(publishBreakdownCount(13, cell, PLANNER, NEIGHBOURHOOD, false).perturbed).toBe(true);
    expect(publishBreakdownCount(13, cell, HEALTH_ANALYST, NEIGHBOURHOOD, true).value).toBe(13);
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
    const cell = { sector: 'police', keySum: 77, smallestPublished: 5 };
    expect(publishBreakdownCount(3, cell, analyst('city-police'), shared, false)).toEqual(publishBreakdownCount(3, cell, PLANNER, shared, false));
    expect(publishBreakdownCount(3, cell, analyst('city-police'), own, false)).toEqual({ value: 3, perturbed: false, suppressed: false, suppressionReason: null });
  });
});
