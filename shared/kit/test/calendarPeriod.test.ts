import { calendarPeriod, requireCalendarPeriod } from '@cswb/subgraph-kit/privacy';

/** Perturbed breakdowns are published for one calendar month, quarter or year at a time. */
describe('calendarPeriod', () => {
  it('names the one calendar period a range covers exactly, coarsest first', () => {
    expect(calendarPeriod('2024-01-01', '2024-12-31')).toMatchObject({ granularity: 'YEAR', label: '2024' });
    expect(calendarPeriod('2024-04-01', '2024-06-30')).toMatchObject({ granularity: 'QUARTER', label: '2024-Q2' });
    expect(calendarPeriod('2024-02-01', '2024-02-29')).toMatchObject({ granularity: 'MONTH', label: '2024-02' });
  });

  it('gives null for ranges of several periods, misaligned ranges and partial months', () => {
    for (const [from, to] of [
      ['2023-01-01', '2024-12-31'],
      ['2024-01-01', '2024-06-30'],
      ['2024-02-01', '2024-04-30'],
      ['2024-02-01', '2024-02-28'],
      ['2024-03-15', '2024-03-31'],
      ['2024-12-31', '2024-01-01'],
    ]) {
      expect({ from, to, period: calendarPeriod(from, to) }).toEqual({ from, to, period: null });
    }
  });

  it('refuses any other range with BAD_USER_INPUT naming the rule', () => {
    expect(() => requireCalendarPeriod('2021-01-01', '2024-12-31')).toThrow(
      'perturbed counts are published for one calendar month, quarter or year at a time: from and to must be its first and last days, got 2021-01-01 to 2024-12-31 (docs/privacy.md)',
    );
    const refusal = (from: string, to: string) => {
      try {
        requireCalendarPeriod(from, to);
        return null;
      } catch (error) {
        return error as { message: string; extensions: unknown };
      }
    };
    expect(refusal('2024-01-01', '2024-06-30')?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'from' });
    expect(refusal('2024-02-30', '2024-03-31')).toMatchObject({ message: 'from must be a date written YYYY-MM-DD, got "2024-02-30"', extensions: { argument: 'from' } });
    expect(refusal('2024-03-01', '2024-03-15')).toMatchObject({ message: 'to must be the last day of a MONTH period: 2024-03-31, not 2024-03-15', extensions: { argument: 'to' } });
    expect(refusal('2024-03-01', '2024-03-31')).toBeNull();
  });
});
