import { coverageViewOf, createMeasureCoverage } from '@cswb/subgraph-kit/profiles';
import { MeasureCoverage, namesMeasure } from '@cswb/subgraph-kit/vocabulary';

/** What a migration would send: the statements, never run here (test/periodsWithoutData.test.ts runs them on PostgreSQL). */
function recorder() {
  const statements: string[] = [];
  return { statements, queryRunner: { query: async (sql: string) => void statements.push(sql) } };
}

describe('MeasureCoverage', () => {
  const coverage = new MeasureCoverage([
    { measures: 'occurrences.*', firstMonth: '2021-01-01', lastMonth: '2024-12-01' },
    { measures: 'calls.ALL', firstMonth: '2022-03-01', lastMonth: '2024-06-01' },
    { measures: 'discussions', firstMonth: '2021-01-01', lastMonth: '2024-12-01' },
    { measures: 'discussions', firstMonth: '2022-01-01', lastMonth: '2025-06-01' },
    { measures: 'pit', firstMonth: null, lastMonth: null },
  ]);

  it('names a measure by its name or by its family', () => {
    expect(namesMeasure('occurrences.*', 'occurrences.VIOLENT')).toBe(true);
    expect(namesMeasure('occurrences.*', 'occurrences')).toBe(false);
    expect(namesMeasure('occurrences.*', 'occurrencesX.VIOLENT')).toBe(false);
    expect(namesMeasure('calls.ALL', 'calls.ALL')).toBe(true);
    expect(namesMeasure('calls.ALL', 'calls.ALLX')).toBe(false);
  });

  it("gives a measure its source's months, those all its sources hold, or none", () => {
    expect(coverage.monthsOf('occurrences.DRUGS')).toEqual({ first: '2021-01-01', last: '2024-12-01' });
    expect(coverage.monthsOf('calls.ALL')).toEqual({ first: '2022-03-01', last: '2024-06-01' });
    expect(coverage.monthsOf('discussions')).toEqual({ first: '2022-01-01', last: '2024-12-01' });
    expect(coverage.monthsOf('pit')).toBeNull();
    expect(coverage.monthsOf('calls.OTHER')).toBeNull();
  });

  it('covers a period any month of which it holds, and no other', () => {
    const covers = (start: string, end: string) => coverage.covers('calls.ALL', { start, end });
    expect(covers('2022-01-01', '2022-12-31')).toBe(true);
    expect(covers('2022-02-01', '2022-02-28')).toBe(false);
    expect(covers('2022-03-01', '2022-03-31')).toBe(true);
    expect(covers('2024-06-01', '2024-06-30')).toBe(true);
    expect(covers('2024-07-01', '2024-09-30')).toBe(false);
    expect(covers('2021-01-01', '2021-12-31')).toBe(false);
  });
});

describe('createMeasureCoverage', () => {
  it('creates the view beside the rollup, keyed for refreshRollups', async () => {
    const { statements, queryRunner } = recorder();
    await createMeasureCoverage(queryRunner, 'police_measure_monthly', { occurrences: ['occurrences.*'], calls: ['calls.*'] });
    expect(coverageViewOf('police_measure_monthly')).toBe('police_measure_coverage');
    expect(statements[0]).toContain('CREATE MATERIALIZED VIEW police_measure_coverage AS');
    expect(statements[0]).toContain(`VALUES ('occurrences', 'occurrences.*'), ('calls', 'calls.*')`);
    expect(statements[1]).toBe('CREATE UNIQUE INDEX police_measure_coverage_key ON police_measure_coverage (measures)');
  });

  it.each([
    ['police_rollup', { a: ['x'] }, 'rollup "police_rollup" must be a plain lower-case SQL identifier ending in _measure_monthly'],
    ['police_measure_monthly', {}, 'the coverage of police_measure_monthly needs at least one source'],
    ['police_measure_monthly', { "a'b": ['x'] }, `coverage source "a'b" must be a plain lower-case identifier`],
    ['police_measure_monthly', { a: [] }, 'coverage source "a" names no measure'],
    ['police_measure_monthly', { a: ["x'); DROP TABLE police_occurrence; --"] }, `coverage source "a": "x'); DROP TABLE police_occurrence; --" must be a measure name or a family such as occurrences.*`],
    ['police_measure_monthly', { a: ['occurrences*'] }, 'coverage source "a": "occurrences*" must be a measure name or a family such as occurrences.*'],
  ])('refuses %s %j', async (rollup, sources, message) => {
    const { statements, queryRunner } = recorder();
    await expect(createMeasureCoverage(queryRunner, rollup, sources)).rejects.toThrow(new Error(message));
    expect(statements).toEqual([]);
  });
});
