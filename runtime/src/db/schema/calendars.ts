import type { InferSelectModel } from 'drizzle-orm';
import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Business calendars defined at run time, beside the ones the engine ships (`cn-mainland`): a
 * jurisdiction's override of a base calendar (`baseKey`, `data` a `CalendarOverride`: its own days
 * off, working days and working hours) or a whole calendar (`baseKey` null, `data` the calendar).
 */
export const calendars = pgTable('calendars', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  baseKey: text('base_key'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  /** Bumped on every change. */
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: text('updated_by'),
});
export type CalendarRow = InferSelectModel<typeof calendars>;

/**
 * Holiday notices loaded at run time into a whole calendar (built-in or stored), e.g. the State
 * Council's notice for next year once it is published; one per calendar and year, replacing the
 * calendar's own notice of that year.
 */
export const calendarNotices = pgTable(
  'calendar_notices',
  {
    calendarKey: text('calendar_key').notNull(),
    year: integer('year').notNull(),
    /** The notice: `{ year, source, holidays }` (the engine's `CalendarYear`). */
    notice: jsonb('notice').$type<Record<string, unknown>>().notNull(),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull(),
    loadedBy: text('loaded_by'),
  },
  (t) => [primaryKey({ columns: [t.calendarKey, t.year] })],
);
export type CalendarNoticeRow = InferSelectModel<typeof calendarNotices>;
