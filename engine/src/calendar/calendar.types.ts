/**
 * Business calendars as data, and what working-time arithmetic returns.
 * @module
 */
import type { z } from 'zod';
import type {
  businessCalendarSchema,
  calendarAdjustmentSchema,
  calendarOverrideSchema,
  calendarYearSchema,
  holidaySchema,
  noticeSourceSchema,
  workingPeriodSchema,
} from './calendar.schema.ts';

/** A span of working time in one day, local time, `HH:mm`. */
export type WorkingPeriod = z.output<typeof workingPeriodSchema>;

/** The published notice a year's arrangement is taken from. */
export type NoticeSource = z.output<typeof noticeSourceSchema>;

/** One holiday of a notice: days off and the make-up working days (调休上班) it moves. */
export type Holiday = z.output<typeof holidaySchema>;

/** One year's holiday notice, with its source. */
export type CalendarYear = z.output<typeof calendarYearSchema>;

/** A jurisdiction's own change of one day on top of the national notices. */
export type CalendarAdjustment = z.output<typeof calendarAdjustmentSchema>;

/** A jurisdiction's days off, working days and working hours on top of a base calendar. */
export type CalendarOverride = z.input<typeof calendarOverrideSchema>;

/**
 * A validated business calendar (from `defineCalendar`). Plain JSON data, frozen; its day table
 * is built once on first use.
 */
export type BusinessCalendar = z.output<typeof businessCalendarSchema>;

/** Calendar data before validation, as written in `data/*.json` (defaults not yet applied). */
export type BusinessCalendarInput = z.input<typeof businessCalendarSchema>;

/** A computed due date. */
export interface DueDate {
  /**
   * The last local day the period covers, `YYYY-MM-DD`: the local date of `dueAt`, or the day
   * before when `dueAt` is exactly local midnight (24:00 of that day).
   */
  dueDate: string;
  /** The due instant: the limit has run out from this instant on. */
  dueAt: Date;
  /**
   * True when the result relied on a day of a year with no loaded notice (counted
   * weekends-only); recompute it once that year's notice is loaded.
   */
  provisional: boolean;
}
