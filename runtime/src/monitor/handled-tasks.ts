import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { CalendarBook } from '../calendars/calendar-book.ts';
import type { Db } from '../db/client.ts';
import { cases, tasks } from '../db/schema/index.ts';
import { workingClockOf, type WorkingClock } from './working-clock.ts';

/** An integer of our own calendar data, written into the statement. */
const integer = (value: number | undefined): SQL => sql.raw(String(Math.trunc(Number(value ?? 0))));

/**
 * `clock(t)` of a `WorkingClock` at the local timestamp `local`, `c` the row of `clocks` of the
 * task's calendar: the working minutes before its day, plus those of its periods up to its time
 * of day when the day is a working day (the periods written as constants, per calendar).
 */
function clockAt(clocks: readonly WorkingClock[], local: SQL): SQL {
  const minute = sql`(extract(epoch from ${local}::time)::float8 / 60)`;
  const day = sql`(${local}::date - c.first_day + 1)`;
  const periods = clocks.map(
    (clock) =>
      sql`when ${clock.calendar} then ${sql.join(
        clock.starts.map((start, index) => sql`greatest(0, least(${minute}, ${integer(clock.ends[index])}) - ${integer(start)})`),
        sql` + `,
      )}`,
  );
  return sql`(c.before[${day}] + case when c.working[${day}] then (case c.calendar ${sql.join(periods, sql` `)} end) else 0 end)`;
}

/**
 * Runs the aggregate `select` over `handled`, the decided tasks (status `completed`) matching
 * `where` (over `tasks` joined with their `cases`), one row each:
 * `handled(department_id text, node_id text, minutes float8)`, `minutes` the working time from
 * the task's creation to its decision on its case's calendar (`cases.calendar_key`).
 *
 * Two statements: the span of instants per calendar involved, from which each calendar's working
 * clock is built (`workingClockOf`, the engine's arithmetic); the second hands the clocks to
 * PostgreSQL as JSON (`clocks`) and counts each task's working minutes as the difference of the
 * clock at its two instants, so no task row leaves the database.
 *
 * @returns the rows of `select`; none when no decided task matches.
 */
export async function aggregateHandledTasks<T extends Record<string, unknown>>(db: Db, calendars: CalendarBook, where: SQL | undefined, select: SQL): Promise<T[]> {
  const decided = and(eq(tasks.status, 'completed'), isNotNull(tasks.completedAt), where);
  const spans = await db
    .select({
      calendar: cases.calendarKey,
      from: sql<number>`extract(epoch from min(${tasks.createdAt}))::float8`,
      to: sql<number>`extract(epoch from max(${tasks.completedAt}))::float8`,
    })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .where(decided)
    .groupBy(cases.calendarKey);
  const clocks = spans
    .filter((span) => calendars.has(span.calendar))
    .map((span) => workingClockOf({ calendar: calendars.get(span.calendar), from: new Date(span.from * 1000), to: new Date(span.to * 1000) }));
  if (clocks.length === 0) return [];
  const rows = await db.execute<T>(sql`
    with clocks as (
      select calendar, "timeZone" as time_zone, "firstDay"::date as first_day, before, working
      from jsonb_to_recordset(${JSON.stringify(clocks)}::jsonb)
        as clock(calendar text, "timeZone" text, "firstDay" text, before float8[], working boolean[])
    ), handled as (
      select ${tasks.departmentId} as department_id, ${tasks.nodeId} as node_id,
        ${clockAt(clocks, sql`l.decided`)} - ${clockAt(clocks, sql`l.started`)} as minutes
      from ${tasks}
      join ${cases} on ${cases.id} = ${tasks.caseId}
      join clocks as c on c.calendar = ${cases.calendarKey}
      cross join lateral (
        select ${tasks.createdAt} at time zone c.time_zone as started, ${tasks.completedAt} at time zone c.time_zone as decided
      ) as l
      where ${decided}
    )
    ${select}`);
  return [...rows] as T[];
}
