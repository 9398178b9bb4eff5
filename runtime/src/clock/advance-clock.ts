import { and, asc, eq, inArray, lte, notInArray } from 'drizzle-orm';
import { addDuration, COUNTABLE_RANGE, InvalidDurationError, isCountableInstant, type BusinessCalendar } from '@tongban/engine';
import type { Duration } from '@tongban/engine';
import type { Db } from '../db/client.ts';
import { timers, type TimerKind } from '../db/schema/index.ts';
import { ClockNotVirtualError, InvalidInputError } from '../errors/index.ts';
import type { TimerQueue } from '../queues/timer-queue.ts';
import { isVirtualClock, type Clock } from './clock.ts';

/** Where to move the clock: to an instant, or by a duration (working units on `cn-mainland`). */
export type ClockAdvance = { to: Date | string } | { by: Duration };

/** A timer that fired while the clock moved. */
export interface FiredTimer {
  id: string;
  kind: TimerKind;
  caseId: string;
  taskId: string | null;
  dueAt: Date | null;
}

const MS_PER_HOUR = 3_600_000;

/**
 * Moves a virtual clock and fires every timer that comes due on the way, in due order: the clock
 * stops at each due instant, and the timers due then are fired through the timer queue (an
 * immediate job each, processed by the same worker as a delayed job; one code path), waiting for
 * them to finish. Timers armed by what fired (a `slaBreach` edge's next task) fire too when they
 * fall before the target. `by` in `hour` / `calendarDay` is elapsed time; in `workingHour` /
 * `workingDay` it is counted on `deps.calendar` (the runtime's `cn-mainland`, with the notices
 * loaded into it at run time). The clock moves only inside the engine's `COUNTABLE_RANGE`, where
 * every deadline a definition can set is counted.
 *
 * @throws ClockNotVirtualError on the system clock; InvalidInputError `invalid-clock-target` for a
 *   target before now (`to`, `by.amount`), a working duration the calendar cannot count (part of a
 *   day, past 100 years: `by.amount`), or a target outside the countable range (`to`, `by`),
 *   leaving the clock where it was.
 */
export async function advanceClock(
  deps: { db: Db; clock: Clock; timerQueue: TimerQueue; calendar: BusinessCalendar },
  request: ClockAdvance,
): Promise<{ now: Date; fired: FiredTimer[] }> {
  const { db, clock, timerQueue } = deps;
  if (!isVirtualClock(clock)) throw new ClockNotVirtualError();
  const target = targetOf(clock.now(), request, deps.calendar);
  const fired: FiredTimer[] = [];
  const tried = new Set<string>(['']);
  for (;;) {
    const [next] = await db
      .select({ dueAt: timers.dueAt })
      .from(timers)
      .where(and(eq(timers.status, 'pending'), lte(timers.dueAt, target), notInArray(timers.id, [...tried])))
      .orderBy(asc(timers.dueAt))
      .limit(1);
    if (!next?.dueAt) break;
    await clock.set(next.dueAt);
    const due = await db
      .select({ id: timers.id })
      .from(timers)
      .where(and(eq(timers.status, 'pending'), lte(timers.dueAt, clock.now()), notInArray(timers.id, [...tried])))
      .orderBy(asc(timers.dueAt), asc(timers.id));
    const ids = due.map((t) => t.id);
    for (const id of ids) tried.add(id);
    await timerQueue.fireNow(ids);
    const done = await db
      .select({ id: timers.id, kind: timers.kind, caseId: timers.caseId, taskId: timers.taskId, dueAt: timers.dueAt })
      .from(timers)
      .where(and(inArray(timers.id, ids), eq(timers.status, 'fired')))
      .orderBy(asc(timers.dueAt), asc(timers.id));
    fired.push(...done);
  }
  await clock.set(target);
  return { now: clock.now(), fired };
}

function targetOf(now: Date, request: ClockAdvance, calendar: BusinessCalendar): Date {
  if (!isCountableInstant(now)) {
    throw outsideRange('to' in request ? 'to' : 'by', `the clock itself, at ${now.toISOString()} (moved there by an older version), so it moves no further`);
  }
  if ('to' in request) {
    const to = new Date(request.to);
    if (Number.isNaN(to.getTime()) || to.getTime() < now.getTime()) {
      throw new InvalidInputError('invalid-clock-target', `The clock is at ${now.toISOString()}; it cannot move to '${String(request.to)}'`, {
        field: 'to',
        reason: 'before-now',
      });
    }
    return inCountableRange(to, 'to', `'${String(request.to)}'`);
  }
  const { amount, unit } = request.by;
  if (!(amount > 0)) {
    throw new InvalidInputError('invalid-clock-target', `The clock moves forward only; 'by.amount' is ${amount}`, { field: 'by.amount', reason: 'not-positive' });
  }
  const by = `${amount} ${unit} from ${now.toISOString()}`;
  if (unit === 'hour') return inCountableRange(new Date(now.getTime() + amount * MS_PER_HOUR), 'by', by);
  if (unit === 'calendarDay') return inCountableRange(new Date(now.getTime() + amount * 24 * MS_PER_HOUR), 'by', by);
  let target: Date;
  try {
    target = addDuration(calendar, now, request.by).dueAt;
  } catch (error) {
    if (!(error instanceof InvalidDurationError)) throw error;
    throw new InvalidInputError('invalid-clock-target', `The clock cannot move by ${amount} ${unit}: ${error.message}`, {
      field: 'by.amount',
      reason: 'uncountable',
    });
  }
  return inCountableRange(target, 'by', by);
}

/** `target`, when it lies in the countable range. */
function inCountableRange(target: Date, field: 'to' | 'by', what: string): Date {
  if (isCountableInstant(target)) return target;
  throw outsideRange(field, what);
}

function outsideRange(field: 'to' | 'by', what: string): InvalidInputError {
  return new InvalidInputError(
    'invalid-clock-target',
    `The clock moves only inside the range the business calendars count, ${COUNTABLE_RANGE.from} to ${COUNTABLE_RANGE.to}; ${what} lies outside it`,
    { field, reason: 'outside-countable-range', range: { ...COUNTABLE_RANGE } },
  );
}
