import { describe, expect, it } from 'vitest';
import notice2027 from './__fixtures__/hypothetical-2027-notice.json' with { type: 'json' };
import { cnMainlandCalendar } from './cn-mainland-calendar.ts';
import { InvalidCalendarError } from './errors/invalid-calendar.error.ts';
import { withCalendarYear } from './with-calendar-year.ts';
import { describeDay } from './working-days.ts';

describe('withCalendarYear', () => {
  it('should make the days of a newly loaded year firm', () => {
    expect(describeDay(cnMainlandCalendar, '2027-01-01')).toMatchObject({ working: true, provisional: true });
    const next = withCalendarYear(cnMainlandCalendar, notice2027);
    expect(describeDay(next, '2027-01-01')).toMatchObject({ working: false, provisional: false, name: '元旦' });
    expect(next.years.map((year) => year.year)).toEqual([2025, 2026, 2027]);
    expect(next.key).toBe('cn-mainland');
  });

  it('should replace the notice of a year already loaded', () => {
    const corrected = { ...notice2027, holidays: [{ name: '元旦', daysOff: { from: '2027-01-01', to: '2027-01-03' }, makeUpWorkdays: [] }] };
    const next = withCalendarYear(withCalendarYear(cnMainlandCalendar, notice2027), corrected);
    expect(next.years.filter((year) => year.year === 2027)).toHaveLength(1);
    expect(describeDay(next, '2027-01-03')).toMatchObject({ working: false, kind: 'holiday' });
  });

  it('should refuse a notice whose make-up working day is a weekday, naming its path', () => {
    const wrong = { ...notice2027, holidays: [{ name: '元旦', daysOff: { from: '2027-01-01', to: '2027-01-01' }, makeUpWorkdays: ['2027-01-04'] }] };
    expect(() => withCalendarYear(cnMainlandCalendar, wrong)).toThrow(InvalidCalendarError);
    expect(() => withCalendarYear(cnMainlandCalendar, wrong)).toThrow(/years\[2\]\.holidays\[0\]\.makeUpWorkdays\[0\]: 2027-01-04 is a Monday/);
  });

  it('should refuse a source that is not an http(s) address', () => {
    const script = { ...notice2027, source: { ...notice2027.source, url: 'javascript:alert(1)' } };
    expect(() => withCalendarYear(cnMainlandCalendar, script)).toThrow(/years\[2\]\.source\.url: must be an http\(s\) address/);
  });
});
