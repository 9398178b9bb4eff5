/**
 * Business calendars and working-time arithmetic: calendar data and its schema, working days,
 * working hours, elapsed time, local dates and times.
 * @module
 */
export * from './add-duration.ts';
export * from './calendar-override.ts';
export * from './calendar-registry.ts';
export * from './calendar.schema.ts';
export type * from './calendar.types.ts';
export * from './countable-range.ts';
export * from './cn-mainland-calendar.ts';
export type { DayKind, DayStatus } from './day-table.ts';
export * from './define-calendar.ts';
export * from './elapsed-time.ts';
export * from './errors/index.ts';
export * from './local-date-time.ts';
export * from './working-days.ts';
export * from './with-calendar-year.ts';
export * from './working-time.ts';
