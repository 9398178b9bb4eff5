import { describe, expect, it } from 'vitest';
import { seriesRangeProblem } from './series-range.ts';

describe('seriesRangeProblem', () => {
  it('should accept a single day and a full year, 29 February included', () => {
    expect(seriesRangeProblem('2026-03-02', '2026-03-02')).toBeNull();
    expect(seriesRangeProblem('2028-01-01', '2028-12-31')).toBeNull();
  });

  it('should name the bound that is not a date that exists', () => {
    expect(seriesRangeProblem('2026-02-29', '2026-03-02')).toMatchObject({ field: 'from' });
    expect(seriesRangeProblem('2026-03-02', '2026-3-4')).toMatchObject({ field: 'to' });
  });

  it('should refuse an end before the start and more than 366 days', () => {
    expect(seriesRangeProblem('2026-03-02', '2026-03-01')).toEqual({ field: 'to', message: '2026-03-01 is before 2026-03-02' });
    expect(seriesRangeProblem('2026-01-01', '2027-01-02')?.message).toBe('2026-01-01..2027-01-02 covers 367 days; at most 366');
  });
});
