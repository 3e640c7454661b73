import { Granularity, MAX_PERIODS, periodContaining, periodsBetween } from '@cswb/subgraph-kit/vocabulary';

describe('periodsBetween', () => {
  it('lists years, quarters and months with inclusive ends and labels', () => {
    expect(periodsBetween('2023-01-01', '2024-12-31', Granularity.YEAR)).toEqual([
      { granularity: 'YEAR', start: '2023-01-01', end: '2023-12-31', label: '2023' },
      { granularity: 'YEAR', start: '2024-01-01', end: '2024-12-31', label: '2024' },
    ]);
    expect(periodsBetween('2023-10-01', '2024-03-31', Granularity.QUARTER).map((p) => [p.label, p.start, p.end])).toEqual([
      ['2023-Q4', '2023-10-01', '2023-12-31'],
      ['2024-Q1', '2024-01-01', '2024-03-31'],
    ]);
    expect(periodsBetween('2024-01-01', '2024-03-31', Granularity.MONTH).map((p) => [p.label, p.end])).toEqual([
      ['2024-01', '2024-01-31'],
      ['2024-02', '2024-02-29'],
      ['2024-03', '2024-03-31'],
    ]);
  });

  it('rejects ranges that would half-count a period, with the argument named', () => {
    expect(() => periodsBetween('2023-02-01', '2023-12-31', Granularity.YEAR)).toThrow(
      'from must be the first day of a YEAR period: 2023-01-01, not 2023-02-01',
    );
    expect(() => periodsBetween('2023-01-01', '2023-11-30', Granularity.QUARTER)).toThrow(
      'to must be the last day of a QUARTER period: 2023-12-31, not 2023-11-30',
    );
    try {
      periodsBetween('2023-01-01', '2023-11-30', Granularity.QUARTER);
    } catch (error) {
      expect((error as { extensions: unknown }).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'to' });
    }
  });

  it('rejects impossible dates, reversed ranges and ranges that are too long', () => {
    expect(() => periodsBetween('2023-02-30', '2023-12-31', Granularity.MONTH)).toThrow('from must be a date written YYYY-MM-DD, got "2023-02-30"');
    expect(() => periodsBetween('2024-01-01', '2023-12-31', Granularity.YEAR)).toThrow('from (2024-01-01) is after to (2023-12-31)');
    expect(() => periodsBetween('1900-01-01', '1999-12-31', Granularity.MONTH)).toThrow(`the range covers more than ${MAX_PERIODS} MONTH periods`);
  });

  it('finds the period containing a date', () => {
    expect(periodContaining('2024-08-15', Granularity.QUARTER)).toEqual({ granularity: 'QUARTER', start: '2024-07-01', end: '2024-09-30', label: '2024-Q3' });
  });
});
