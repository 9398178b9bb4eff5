/**
 * Bounds on what the arithmetic counts, so that no input can make it loop for long.
 * @module
 */
import { InvalidDurationError } from './errors/invalid-duration.error.ts';

/**
 * The longest span any count may cover, in local days: 100 years of days. Counting a limit, or
 * the working time between two instants, throws beyond it, so no input makes a count loop long.
 */
export const MAX_SPAN_DAYS = 36_525;

/**
 * The first and last instants the arithmetic reads or writes: 0001-01-02 and 9999-12-31, 00:00
 * UTC, a day inside the years 0001–9999 whose local dates the civil-date functions handle (in
 * every time zone, UTC−12 to UTC+14).
 */
export const FIRST_INSTANT_MS = Date.parse('0001-01-02T00:00:00.000Z');
export const LAST_INSTANT_MS = Date.parse('9999-12-31T00:00:00.000Z');

/**
 * Checks an amount of time before it is counted.
 * @param amount the amount given.
 * @param unit its unit, for the message.
 * @param options.whole days are counted whole: fractions are rejected.
 * @param options.max the largest amount accepted.
 * @throws {InvalidDurationError} when `amount` is not a finite number, is negative, is fractional
 *   where whole units are counted, or exceeds `max`.
 */
export function checkAmount(amount: number, unit: string, options: { whole: boolean; max: number }): void {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) throw new InvalidDurationError(amount, unit, 'it is not a finite number');
  if (amount < 0) throw new InvalidDurationError(amount, unit, 'it is negative');
  if (options.whole && !Number.isInteger(amount)) {
    throw new InvalidDurationError(amount, unit, 'days are counted whole; count parts of a day in working hours');
  }
  if (amount > options.max) throw new InvalidDurationError(amount, unit, `it exceeds ${options.max} (100 years)`);
}
