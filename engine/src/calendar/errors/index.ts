export * from './calendar-error.ts';
export * from './invalid-calendar.error.ts';
export * from './invalid-date.error.ts';
export * from './invalid-duration.error.ts';
export * from './unknown-calendar.error.ts';
