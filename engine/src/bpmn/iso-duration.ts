import type { Duration } from '../definition/index.ts';

/**
 * The elapsed-time limit an ISO 8601 duration of a BPMN timer names, when it is a whole number of
 * weeks, days or hours (`P2W` → 14 calendar days, `P5D` → 5 calendar days, `PT4H` → 4 hours);
 * `undefined` for anything else (mixed parts, months, cycles, expressions). ISO 8601-1:2019 §5.5.2.
 * @internal
 */
export function durationOfIsoText(text: string): Duration | undefined {
  const match = /^P(?:(\d+)W|(\d+)D|T(\d+)H)$/.exec(text.trim());
  if (match === null) return undefined;
  const [, weeks, days, hours] = match;
  const amount = Number(weeks ?? days ?? hours);
  if (amount <= 0) return undefined;
  if (weeks !== undefined) return { amount: amount * 7, unit: 'calendarDay' };
  if (days !== undefined) return { amount, unit: 'calendarDay' };
  return { amount, unit: 'hour' };
}

/**
 * The ISO 8601 text of an elapsed-time limit (`{ 5, calendarDay }` → `P5D`, `{ 4, hour }` →
 * `PT4H`); `undefined` for working time, which ISO 8601 cannot express, and for fractions.
 * @internal
 */
export function isoTextOfDuration(duration: Duration): string | undefined {
  if (!Number.isInteger(duration.amount)) return undefined;
  if (duration.unit === 'calendarDay') return `P${duration.amount}D`;
  if (duration.unit === 'hour') return `PT${duration.amount}H`;
  return undefined;
}
