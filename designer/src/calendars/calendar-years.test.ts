import { describe, expect, it } from 'vitest';
import { provisionalYears } from './calendar-years.ts';

describe('provisionalYears', () => {
  it('should count every year after the last notice, and before the first, as provisional', () => {
    expect(provisionalYears([2025, 2026])).toEqual({ gaps: [], from: 2027, before: 2025 });
    expect(provisionalYears([2027])).toEqual({ gaps: [], from: 2028, before: 2027 });
  });

  it('should name the years between notices that have none', () => {
    expect(provisionalYears([2028, 2025, 2026])).toEqual({ gaps: [2027], from: 2029, before: 2025 });
  });

  it('should have no first provisional year without any notice', () => {
    expect(provisionalYears([])).toEqual({ gaps: [], from: null, before: null });
  });
});
