import { formatLocalDate, parseLocalDateTime, workingMinutesBetween, type BusinessCalendar } from '@tongban/engine';
import { addDays, datesFrom } from './local-dates.ts';

/**
 * What the database needs to count working time on one calendar between instants on the local
 * days `firstDay` … `firstDay + before.length − 1`: the working periods, and per day (by its
 * offset from `firstDay`) the working minutes before it and whether it is a working day. The
 * working minutes between instants `a` and `b` are `clock(b) − clock(a)`, with
 * `clock(t) = before[d] + (working[d] ? working minutes of the periods up to t's time of day : 0)`,
 * `d` the local day of `t` — what `workingMinutesBetween` counts, for time zones whose offset does
 * not change during working hours.
 */
export interface WorkingClock {
  calendar: string;
  timeZone: string;
  /** Starts of the working periods, minutes since local midnight, in order. */
  starts: number[];
  /** Their ends, minutes since local midnight (1440 for 24:00). */
  ends: number[];
  /** The first local day covered, `YYYY-MM-DD`. */
  firstDay: string;
  /** Per day from `firstDay`: working minutes from the start of `firstDay` to the day's local midnight. */
  before: number[];
  /** Per day from `firstDay`: a working day (false for weekends, holidays, days off). */
  working: boolean[];
}

/** A calendar and the instants its working clock must cover. */
export interface WorkingClockSpan {
  calendar: BusinessCalendar;
  from: Date;
  to: Date;
}

function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * The working clock of `span.calendar` over every local day (in its time zone) that holds an
 * instant from `span.from` to `span.to`, counted with the engine's `workingMinutesBetween`. Pure.
 */
export function workingClockOf({ calendar, from, to }: WorkingClockSpan): WorkingClock {
  const firstDay = formatLocalDate(calendar, from);
  const clock: WorkingClock = {
    calendar: calendar.key,
    timeZone: calendar.timeZone,
    starts: calendar.workingHours.map((period) => minutesOf(period.start)),
    ends: calendar.workingHours.map((period) => minutesOf(period.end)),
    firstDay,
    before: [],
    working: [],
  };
  let before = 0;
  for (const day of datesFrom(firstDay, formatLocalDate(calendar, to))) {
    const minutes = workingMinutesBetween(calendar, parseLocalDateTime(calendar, day), parseLocalDateTime(calendar, addDays(day, 1))).minutes;
    clock.before.push(before);
    clock.working.push(minutes > 0);
    before += minutes;
  }
  return clock;
}
