import { isHoliday, isWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { formatDayNumber, parseDayNumber } from './civil-date.ts';
import { cnMainlandCalendar } from './cn-mainland-calendar.ts';
import { describeDay, isWorkingDay } from './working-days.ts';

function daysOf(year: number): string[] {
  const first = parseDayNumber(`${year}-01-01`) as number;
  const last = parseDayNumber(`${year}-12-31`) as number;
  return Array.from({ length: last - first + 1 }, (_, index) => formatDayNumber(first + index));
}

describe('cnMainlandCalendar', () => {
  it('is checked against a chinese-days release that carries the 2026 notice', () => {
    expect(isWorkday('2026-02-14')).toBe(true);
    expect(isHoliday('2026-02-23')).toBe(true);
  });

  it.each([2025, 2026])('agrees with chinese-days on every day of %i', (year) => {
    const disagreements = daysOf(year).filter((date) => isWorkingDay(cnMainlandCalendar, date) !== isWorkday(date));
    expect(disagreements).toEqual([]);
  });

  it.each([2025, 2026])('has 248 working days in %i', (year) => {
    expect(daysOf(year).filter((date) => isWorkingDay(cnMainlandCalendar, date))).toHaveLength(248);
  });

  it('cites each year’s notice with its title, document number, issue date and url', () => {
    expect(cnMainlandCalendar.years.map((notice) => [notice.year, notice.source.documentNumber, notice.source.issued])).toEqual([
      [2025, '国办发明电〔2024〕12号', '2024-11-12'],
      [2026, '国办发明电〔2025〕7号', '2025-11-04'],
    ]);
    expect(cnMainlandCalendar.years[1]?.source.url).toBe('https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm');
    expect(cnMainlandCalendar.years[1]?.source.title).toBe('国务院办公厅关于2026年部分节假日安排的通知');
  });

  it('counts Asia/Shanghai working hours 09:00–12:00 and 13:00–17:00', () => {
    expect(cnMainlandCalendar.timeZone).toBe('Asia/Shanghai');
    expect(cnMainlandCalendar.workingHours).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
  });

  it('marks every day of 2027 provisional and counts it weekends-only', () => {
    const days = daysOf(2027).map((date) => describeDay(cnMainlandCalendar, date));
    expect(days.every((day) => day.provisional)).toBe(true);
    expect(days.filter((day) => day.working)).toHaveLength(261);
  });

  it('names the holiday that decides a day', () => {
    expect(describeDay(cnMainlandCalendar, '2026-02-14')).toEqual({
      date: '2026-02-14',
      working: true,
      provisional: false,
      kind: 'makeUpWorkday',
      name: '春节',
    });
    expect(describeDay(cnMainlandCalendar, '2026-10-06')).toMatchObject({ working: false, kind: 'holiday', name: '国庆节' });
    expect(describeDay(cnMainlandCalendar, '2026-03-07')).toMatchObject({ working: false, kind: 'weekend' });
  });
});
