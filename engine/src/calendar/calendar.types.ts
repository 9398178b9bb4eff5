/**
 * Business calendars as data.
 * @module
 */

/** A span of working time in one day, local time, `HH:mm`. */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/** One year's holiday notice: the days off and the make-up working days (调休上班), with its source. */
export interface CalendarYear {
  year: number;
  source: { title: string; documentNumber: string; issued: string; url: string };
  /** Dates `YYYY-MM-DD` that are days off, weekends included when the notice makes them part of a holiday. */
  holidays: string[];
  /** Weekend dates `YYYY-MM-DD` that are working days (调休上班). */
  workdays: string[];
}

/** A jurisdiction's business calendar. */
export interface BusinessCalendar {
  key: string;
  name: string;
  /** IANA time zone, e.g. `Asia/Shanghai`. */
  timeZone: string;
  workingHours: WorkingPeriod[];
  years: CalendarYear[];
}

/** A computed due date. */
export interface DueDate {
  /** Local calendar date of the due instant, `YYYY-MM-DD`. */
  dueDate: string;
  /** The due instant. */
  dueAt: Date;
  /** True when the span crosses a year with no loaded notice (counted weekends-only). */
  provisional: boolean;
}
