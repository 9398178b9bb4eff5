/**
 * Civil (time-zone free) dates as day numbers: days since 1970-01-01, proleptic Gregorian.
 *
 * Day numbers make date arithmetic integer arithmetic; they are converted to and from
 * `YYYY-MM-DD` text at the edges. Years 0001–9999 only.
 * @module
 */

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a valid `year`, `month` (1–12), `day` (1–31). */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Math.floor(utcMsOf(year, month, day) / MS_PER_DAY);
}

/** Milliseconds since the epoch of `year-month-day` 00:00 UTC, years below 100 included. */
export function utcMsOf(year: number, month: number, day: number, msOfDay = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() + msOfDay;
}

/**
 * Day number of `YYYY-MM-DD`, or `undefined` when the text is not a date that exists
 * (e.g. `2026-02-29`).
 */
export function parseDayNumber(text: string): number | undefined {
  const match = DATE_PATTERN.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumberOf(year, month, day);
}

/** `YYYY-MM-DD` of a day number. */
export function formatDayNumber(dayNumber: number): string {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(dayNumber: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** True for Saturday and Sunday. */
export function isWeekend(dayNumber: number): boolean {
  return isoWeekday(dayNumber) >= 6;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(utcMsOf(year, month + 1, 0)).getUTCDate();
}
