/**
 * Reading and writing local dates and times of a calendar's time zone.
 * @module
 */
import { formatDayNumber, parseDayNumber, utcMsOf } from './civil-date.ts';
import { InvalidDateError } from './errors/invalid-date.error.ts';
import { formatOffset, fromLocalTime, instantMs, offsetAt, toLocalTime } from './local-time.ts';

/** Anything with an IANA time zone: a `BusinessCalendar`, or `{ timeZone: 'Asia/Shanghai' }`. */
export interface HasTimeZone {
  timeZone: string;
}

const ACCEPTED = "YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss[.sss]] (local), or either with 'Z' or an offset like +08:00";
const DATE_TIME_PATTERN =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads a date or a date-time as an instant.
 *
 * - `YYYY-MM-DD`: local midnight (00:00) of that day in the calendar's time zone;
 * - `YYYY-MM-DDTHH:mm[:ss[.sss]]` (a space may replace `T`): that local time;
 * - either with `Z` or `±HH:MM` / `±HHMM`: that absolute instant, whatever the calendar.
 *
 * Pure: performs no I/O.
 * @example
 * ```ts
 * parseLocalDateTime(cnMainlandCalendar, '2026-02-13T16:00'); // 2026-02-13T08:00:00.000Z
 * ```
 * @throws {InvalidDateError} when the text is malformed or names a date or time that does not exist.
 * @throws {InvalidCalendarError} when the time zone is unknown.
 */
export function parseLocalDateTime(calendar: HasTimeZone, text: string): Date {
  const match = typeof text === 'string' ? DATE_TIME_PATTERN.exec(text.trim()) : null;
  if (match === null) throw new InvalidDateError(String(text), ACCEPTED);
  const [, date = '', hourText, minuteText, secondText, fractionText, offsetText] = match;
  const dayNumber = parseDayNumber(date);
  const hours = Number(hourText ?? 0);
  const minutes = Number(minuteText ?? 0);
  const seconds = Number(secondText ?? 0);
  if (dayNumber === undefined || hours > 23 || minutes > 59 || seconds > 59) throw new InvalidDateError(text, ACCEPTED);
  const msOfDay = ((hours * 60 + minutes) * 60 + seconds) * 1000 + Number((fractionText ?? '').padEnd(3, '0'));
  if (offsetText === undefined) return new Date(fromLocalTime(calendar.timeZone, dayNumber, msOfDay));
  const offsetMs = parseOffset(offsetText);
  if (offsetMs === undefined) throw new InvalidDateError(text, ACCEPTED);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(utcMsOf(year, month, day, msOfDay) - offsetMs);
}

function parseOffset(text: string): number | undefined {
  if (text === 'Z') return 0;
  const digits = text.replace(':', '');
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5));
  if (hours > 23 || minutes > 59) return undefined;
  return (text.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/**
 * The local date `YYYY-MM-DD` of `instant` in the calendar's time zone.
 *
 * Pure: performs no I/O.
 * @throws {InvalidDateError} when `instant` is `Invalid Date`.
 */
export function formatLocalDate(calendar: HasTimeZone, instant: Date): string {
  return formatDayNumber(toLocalTime(calendar.timeZone, instantMs(instant)).dayNumber);
}

/**
 * `instant` as ISO 8601 local time with the calendar's offset at that instant, e.g.
 * `2026-02-24T17:00:00+08:00`; milliseconds appear only when not zero (`…T17:00:00.250+08:00`).
 *
 * Pure: performs no I/O.
 * @throws {InvalidDateError} when `instant` is `Invalid Date`.
 */
export function formatLocalDateTime(calendar: HasTimeZone, instant: Date): string {
  const ms = instantMs(instant);
  const { dayNumber, msOfDay } = toLocalTime(calendar.timeZone, ms);
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  const hours = Math.floor(msOfDay / 3_600_000);
  const minutes = Math.floor((msOfDay % 3_600_000) / 60_000);
  const seconds = Math.floor((msOfDay % 60_000) / 1000);
  const millis = msOfDay % 1000;
  const fraction = millis === 0 ? '' : `.${pad(millis, 3)}`;
  const offset = formatOffset(offsetAt(calendar.timeZone, ms));
  return `${formatDayNumber(dayNumber)}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}${fraction}${offset}`;
}
