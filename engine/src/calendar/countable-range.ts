/**
 * What the business calendar can count: the instants a count may start from, and the longest
 * limit of each unit a definition may set. `engine/docs/time-law.md` ("What the calendar counts")
 * derives them.
 * @module
 */
import type { Duration, SlaUnit } from '../definition/sla.schema.ts';
import { MAX_SPAN_DAYS } from './counting-limits.ts';

export { MAX_SPAN_DAYS } from './counting-limits.ts';

const MS_PER_DAY = 86_400_000;
const RANGE_FROM_MS = Date.parse('2000-01-01T00:00:00.000Z');

/**
 * The countable range: the instants a count may start from, both ends included, as ISO 8601 UTC.
 *
 * From 2000-01-01 00:00 UTC for `MAX_SPAN_DAYS` − 1 days, to 2099-12-31 00:00 UTC: any two
 * instants inside it lie at most `MAX_SPAN_DAYS` local days apart in every time zone (UTC−12 to
 * UTC+14), so the working time between them is always counted (`workingMinutesBetween` refuses
 * longer spans). From any instant inside it, any limit within `MAX_DURATION` (and an extension
 * within it counted after) is counted without error. A virtual clock moves only inside it.
 */
export const COUNTABLE_RANGE = {
  from: new Date(RANGE_FROM_MS).toISOString(),
  to: new Date(RANGE_FROM_MS + (MAX_SPAN_DAYS - 1) * MS_PER_DAY).toISOString(),
} as const;

/**
 * Whether `instant` lies in {@link COUNTABLE_RANGE} (an `Invalid Date` does not).
 *
 * Pure: performs no I/O.
 */
export function isCountableInstant(instant: Date): boolean {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  return ms >= Date.parse(COUNTABLE_RANGE.from) && ms <= Date.parse(COUNTABLE_RANGE.to);
}

/**
 * The longest limit a definition may set in each unit: ten years of it.
 *
 * - `workingDay`: 2,500, ten years of 250 working days (a weekends-only year has 260 or 261);
 * - `workingHour`: 17,500, 2,500 working days of 7 hours (`cn-mainland`'s working day);
 * - `calendarDay`: 3,650; `hour`: 87,600 (3,650 × 24).
 *
 * Counted on a weekends-only calendar (a year with no notice), the working-day limit ends within
 * 3,502 days and the working-hour limit of one-hour working days within 24,502: inside the
 * 100 years (`MAX_SPAN_DAYS`) a count may cover, with room for holidays. A limit plus an
 * extension of the same size, each counted on its own, stays inside too.
 */
export const MAX_DURATION: Readonly<Record<SlaUnit, number>> = {
  workingDay: 2_500,
  workingHour: 17_500,
  calendarDay: 3_650,
  hour: 87_600,
};

const DAY_UNITS: ReadonlySet<SlaUnit> = new Set(['workingDay', 'calendarDay']);

/**
 * Why the calendar cannot count `duration` as a definition's limit, or `undefined` when it can:
 * the amount is not a positive finite number, days are not whole, or it exceeds `MAX_DURATION`.
 *
 * Pure: performs no I/O.
 * @example
 * ```ts
 * durationProblem({ amount: 1_000_000, unit: 'workingDay' });
 * // 'it exceeds 2500 workingDay, the longest limit the calendar counts (ten years)'
 * ```
 */
export function durationProblem(duration: Duration): string | undefined {
  const { amount, unit } = duration;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) return 'the amount is not a positive number';
  if (DAY_UNITS.has(unit) && !Number.isInteger(amount)) return 'days are counted whole; count parts of a day in workingHour or hour';
  const max = MAX_DURATION[unit];
  if (max === undefined) return `'${String(unit)}' is not a unit of time limits`;
  if (amount > max) return `it exceeds ${max} ${unit}, the longest limit the calendar counts (ten years)`;
  return undefined;
}
