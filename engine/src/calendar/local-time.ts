/**
 * Wall-clock time in an IANA time zone, computed with `Intl.DateTimeFormat` (no time-zone library,
 * no host-zone reads: the same results in Node and in the browser).
 *
 * A local time is a day number (days since 1970-01-01, see `civil-date.ts`) plus milliseconds
 * since local midnight. Conversions handle offset changes in general (daylight saving time):
 * - a local time that does not exist (inside a spring-forward gap) moves forward by the gap;
 * - a local time that exists twice (fall-back overlap) resolves to the earlier instant;
 * both as Temporal's `disambiguation: 'compatible'`.
 * @module
 */
import { FIRST_INSTANT_MS, LAST_INSTANT_MS } from './counting-limits.ts';
import { InvalidCalendarError } from './errors/invalid-calendar.error.ts';
import { InvalidDateError } from './errors/invalid-date.error.ts';

/** Milliseconds in a day without an offset change. */
export const MS_PER_DAY = 86_400_000;

/** A wall-clock position: local day and milliseconds since local midnight. */
export interface LocalTime {
  dayNumber: number;
  msOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per time zone, blocks of `OFFSET_BLOCK_DAYS` days' steady offsets (`NaN`: not read yet; `CHANGING`: null). */
const dayOffsets = new Map<string, Map<number, Float64Array>>();
const OFFSET_BLOCK_DAYS = 1024;
const CHANGING = Number.POSITIVE_INFINITY;
/**
 * Blocks one time zone keeps: 128 × 1024 days, about 359 years (1 MiB), more than the countable
 * range with the longest limits counted past its end, so counts anywhere in it read each day's
 * offset from `Intl` once instead of clearing the cache and reading them all again.
 */
const OFFSET_BLOCK_LIMIT = 128;

/**
 * The cached formatter that reads wall-clock fields in `timeZone`.
 * @throws {InvalidCalendarError} when `timeZone` is not a time zone `Intl` knows.
 */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = createFormatter(timeZone);
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function createFormatter(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new InvalidCalendarError(undefined, [{ path: 'timeZone', message: `'${String(timeZone)}' is not an IANA time zone` }]);
  }
}

/** True when `timeZone` is an IANA time zone this platform's `Intl` knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `timeZone` from UTC at the instant `epochMs`, in milliseconds (east positive). */
export function offsetAt(timeZone: string, epochMs: number): number {
  return steadyOffsetOfDay(timeZone, Math.floor(epochMs / MS_PER_DAY)) ?? intlOffsetAt(timeZone, epochMs);
}

/** `offsetAt` read from `Intl` itself. */
function intlOffsetAt(timeZone: string, epochMs: number): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(wholeSecond)) fields[part.type] = part.value;
  const year = fields.era === 'BC' ? 1 - Number(fields.year) : Number(fields.year);
  const date = new Date(0);
  date.setUTCFullYear(year, Number(fields.month) - 1, Number(fields.day));
  date.setUTCHours(Number(fields.hour) % 24, Number(fields.minute), Number(fields.second));
  return date.getTime() - wholeSecond;
}

/** The wall-clock position of the instant `epochMs` in `timeZone`. */
export function toLocalTime(timeZone: string, epochMs: number): LocalTime {
  const wall = epochMs + offsetAt(timeZone, epochMs);
  const dayNumber = Math.floor(wall / MS_PER_DAY);
  return { dayNumber, msOfDay: wall - dayNumber * MS_PER_DAY };
}

/**
 * The instant of a wall-clock position in `timeZone`. `msOfDay` may be `MS_PER_DAY` (24:00, the
 * end of the day). Gaps and overlaps are resolved as the module header says.
 */
export function fromLocalTime(timeZone: string, dayNumber: number, msOfDay: number): number {
  const wall = dayNumber * MS_PER_DAY + msOfDay;
  const steady = steadyOffsetOfDay(timeZone, dayNumber);
  if (steady !== null && msOfDay >= 0 && msOfDay <= MS_PER_DAY) return wall - steady;
  const before = intlOffsetAt(timeZone, wall - MS_PER_DAY);
  const after = intlOffsetAt(timeZone, wall + MS_PER_DAY);
  const exact = [wall - before, wall - after].filter((instant) => instant + intlOffsetAt(timeZone, instant) === wall);
  return exact.length > 0 ? Math.min(...exact) : wall - before;
}

/**
 * The offset in force from UTC day `dayNumber - 1` 00:00 to UTC day `dayNumber + 2` 00:00, which
 * covers both the UTC day and the local day (with its 24:00) numbered `dayNumber`, or `null` when
 * the offset changes in that window. Assumes no two changes within three days. Cached: a pure
 * function of the platform's time-zone data.
 */
function steadyOffsetOfDay(timeZone: string, dayNumber: number): number | null {
  let blocks = dayOffsets.get(timeZone);
  if (blocks === undefined) {
    blocks = new Map();
    dayOffsets.set(timeZone, blocks);
  }
  const blockIndex = Math.floor(dayNumber / OFFSET_BLOCK_DAYS);
  let block = blocks.get(blockIndex);
  if (block === undefined) {
    if (blocks.size >= OFFSET_BLOCK_LIMIT) blocks.clear();
    block = new Float64Array(OFFSET_BLOCK_DAYS).fill(Number.NaN);
    blocks.set(blockIndex, block);
  }
  const slot = dayNumber - blockIndex * OFFSET_BLOCK_DAYS;
  const cached = block[slot] as number;
  if (!Number.isNaN(cached)) return cached === CHANGING ? null : cached;
  const first = intlOffsetAt(timeZone, (dayNumber - 1) * MS_PER_DAY);
  const last = intlOffsetAt(timeZone, (dayNumber + 2) * MS_PER_DAY);
  const steady = first === last ? first : null;
  block[slot] = steady ?? CHANGING;
  return steady;
}

/** `+HH:MM` (or `-HH:MM`) of an offset in milliseconds; `:SS` is appended for sub-minute offsets. */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const totalSeconds = Math.round(Math.abs(offsetMs) / 1000);
  const hours = String(Math.floor(totalSeconds / 3600)).padStart(2, '0');
  const minutes = String(Math.floor((totalSeconds % 3600) / 60)).padStart(2, '0');
  const seconds = totalSeconds % 60;
  return `${sign}${hours}:${minutes}${seconds === 0 ? '' : `:${String(seconds).padStart(2, '0')}`}`;
}

/**
 * Milliseconds since the epoch of `instant`.
 * @throws {InvalidDateError} when `instant` is not a `Date`, is `Invalid Date`, or lies outside
 *   0001-01-02 … 9999-12-31 (UTC), the years whose local dates the calendar counts.
 */
export function instantMs(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new InvalidDateError(String(instant), 'a valid Date instant');
  checkInstantMs(ms);
  return ms;
}

/**
 * Checks an instant the arithmetic computed or was given, in milliseconds since the epoch.
 * @throws {InvalidDateError} when it is not finite or lies outside 0001-01-02 … 9999-12-31 (UTC).
 */
export function checkInstantMs(ms: number): void {
  if (Number.isFinite(ms) && ms >= FIRST_INSTANT_MS && ms <= LAST_INSTANT_MS) return;
  const text = Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);
  throw new InvalidDateError(text, 'an instant from 0001-01-02 to 9999-12-31 (UTC), the years the calendar counts');
}
