/**
 * The zod schema of business-calendar data (`data/*.json`, calendars stored by the runtime).
 * @module
 */
import { z } from 'zod';
import { dayNumberOf, formatDayNumber, isoWeekday, isWeekend, parseDayNumber } from './civil-date.ts';
import { isValidTimeZone } from './local-time.ts';

const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** The longest run of days off one holiday may have (the longest so far is 9, Spring Festival 2026). */
const MAX_HOLIDAY_DAYS = 31;

/** A local date `YYYY-MM-DD` that exists. */
export const localDateSchema = z
  .string()
  .refine((text) => parseDayNumber(text) !== undefined, { message: 'must be a date YYYY-MM-DD that exists' });

/** A local time of day `HH:mm`, `00:00` to `24:00`. */
export const timeOfDaySchema = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'must be a time HH:mm from 00:00 to 24:00' });

/** A span of working time in one day, local time: `{ start: '09:00', end: '12:00' }`. */
export const workingPeriodSchema = z.object({
  start: timeOfDaySchema,
  end: timeOfDaySchema,
});

/** The published notice a year's arrangement is taken from. */
export const noticeSourceSchema = z.object({
  /** Title as published, e.g. `国务院办公厅关于2026年部分节假日安排的通知`. */
  title: z.string().min(1),
  /** Document number, e.g. `国办发明电〔2025〕7号`. */
  documentNumber: z.string().min(1),
  /** Date of issue `YYYY-MM-DD`. */
  issued: localDateSchema,
  /** Where the official text is published: an http(s) address. */
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) address of the published notice' }),
});

/** One holiday of a notice: its run of days off and the make-up working days (调休上班) it moves. */
export const holidaySchema = z.object({
  /** Name as in the notice, e.g. `春节`. */
  name: z.string().min(1),
  /** The days off, both ends included: the notice's "x月x日至x月x日放假". */
  daysOff: z.object({ from: localDateSchema, to: localDateSchema }),
  /** Weekend days that are working days for this holiday (调休上班). */
  makeUpWorkdays: z.array(localDateSchema).default([]),
});

/** One year's holiday notice. */
export const calendarYearSchema = z.object({
  year: z.int().min(1).max(9999),
  source: noticeSourceSchema,
  holidays: z.array(holidaySchema),
});

/** A jurisdiction's own change of one day on top of the national notices. */
export const calendarAdjustmentSchema = z.object({
  date: localDateSchema,
  /** `true`: a working day; `false`: a day off. */
  working: z.boolean(),
  /** Why, with its source, e.g. a local government notice. */
  reason: z.string().min(1),
});

/**
 * A business calendar: time zone, working hours, the holiday notices of the years it knows, and
 * local adjustments.
 *
 * Beyond the shape it checks what a mistyped notice would break: working periods in order and
 * apart; one notice per year; make-up working days on a Saturday or Sunday and outside any run of
 * days off; no date claimed twice; each notice's dates within its year (or the adjacent month of a
 * neighbouring year); adjustments one per date.
 */
export const businessCalendarSchema = z
  .object({
    /** Kebab-case key a workflow definition names, e.g. `cn-mainland`. */
    key: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be kebab-case, e.g. cn-mainland' }),
    name: z.string().min(1),
    /** IANA time zone, e.g. `Asia/Shanghai`. */
    timeZone: z.string().refine(isValidTimeZone, { message: 'must be an IANA time zone, e.g. Asia/Shanghai' }),
    /** The working periods of a working day, in order, e.g. 09:00–12:00 and 13:00–17:00. */
    workingHours: z.array(workingPeriodSchema).min(1),
    /** The holiday notices loaded, one per year. A year without one is counted weekends-only. */
    years: z.array(calendarYearSchema),
    /** Local changes that override the notices and the weekend rule, one per date. */
    adjustments: z.array(calendarAdjustmentSchema).default([]),
  })
  .superRefine((calendar, context) => {
    const issue = (path: (string | number)[], message: string): void => {
      context.addIssue({ code: 'custom', path, message });
    };

    let previousEnd = '';
    calendar.workingHours.forEach((period, index) => {
      if (period.start >= period.end) issue(['workingHours', index], `starts at ${period.start}, not before its end ${period.end}`);
      if (period.start < previousEnd) issue(['workingHours', index], `starts at ${period.start}, before the previous period ends at ${previousEnd}`);
      previousEnd = period.end;
    });

    const years = new Set<number>();
    const claimed = new Map<number, string>();
    calendar.years.forEach((notice, yearIndex) => {
      if (years.has(notice.year)) issue(['years', yearIndex, 'year'], `${notice.year} has a second notice`);
      years.add(notice.year);
      const earliest = dayNumberOf(notice.year - 1, 12, 1);
      const latest = dayNumberOf(notice.year + 1, 1, 31);
      const claim = (day: number, path: (string | number)[], what: string): void => {
        const text = formatDayNumber(day);
        if (day < earliest || day > latest) issue(path, `${text} lies outside the notice's year ${notice.year}`);
        const previous = claimed.get(day);
        if (previous !== undefined) issue(path, `${text} is already ${previous}`);
        claimed.set(day, `${what} of ${notice.year}`);
      };

      notice.holidays.forEach((holiday, holidayIndex) => {
        const path = ['years', yearIndex, 'holidays', holidayIndex];
        const from = parseDayNumber(holiday.daysOff.from) as number;
        const to = parseDayNumber(holiday.daysOff.to) as number;
        if (from > to) issue([...path, 'daysOff'], `${holiday.name}: ${holiday.daysOff.from} is after ${holiday.daysOff.to}`);
        else if (to - from + 1 > MAX_HOLIDAY_DAYS) issue([...path, 'daysOff'], `${holiday.name}: more than ${MAX_HOLIDAY_DAYS} days off`);
        else for (let day = from; day <= to; day += 1) claim(day, [...path, 'daysOff'], `a day off (${holiday.name})`);
        holiday.makeUpWorkdays.forEach((text, dayIndex) => {
          const day = parseDayNumber(text) as number;
          const dayPath = [...path, 'makeUpWorkdays', dayIndex];
          if (!isWeekend(day)) {
            issue(dayPath, `${text} is a ${WEEKDAY_NAMES[isoWeekday(day)]}; a make-up working day (调休上班) is a Saturday or Sunday`);
          }
          claim(day, dayPath, `a make-up working day (${holiday.name})`);
        });
      });
    });

    const adjusted = new Set<string>();
    calendar.adjustments.forEach((adjustment, index) => {
      if (adjusted.has(adjustment.date)) issue(['adjustments', index, 'date'], `${adjustment.date} is adjusted twice`);
      adjusted.add(adjustment.date);
    });
  });

/**
 * A jurisdiction's calendar on top of a base calendar: its own key and name, extra days off or
 * working days (e.g. a local festival, a local government's notice), and optionally its own
 * working hours.
 */
export const calendarOverrideSchema = z.object({
  key: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be kebab-case, e.g. cn-mainland' }),
  name: z.string().min(1),
  workingHours: z.array(workingPeriodSchema).min(1).optional(),
  adjustments: z.array(calendarAdjustmentSchema),
});
