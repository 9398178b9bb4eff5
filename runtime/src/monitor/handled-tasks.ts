import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { getCalendar } from '@tongban/engine';
import type { Db } from '../db/client.ts';
import { cases, tasks, workflowDefinitions } from '../db/schema/index.ts';
import { workingClockOf } from './working-clock.ts';

/** The calendar key a published definition names. */
const calendarKey = sql<string>`${workflowDefinitions.definition} ->> 'calendar'`;

/** `clock(t)` of a `WorkingClock` (the row `c`) at the instant column `instant`. */
function clockAt(instant: SQL): SQL {
  const local = sql`(${instant} at time zone c.time_zone)`;
  const day = sql`(${local}::date - c.first_day + 1)`;
  return sql`(c.before[${day}] + case when c.working[${day}] then (
      select coalesce(sum(greatest(0, least(extract(epoch from ${local}::time) / 60, p.e) - p.s)), 0)
      from unnest(c.starts, c.ends) as p(s, e)
    ) else 0 end)`;
}

/**
 * Runs the aggregate `select` over `handled`, the decided tasks (status `completed`) matching
 * `where` (over `tasks` joined with their `cases`), one row each:
 * `handled(department_id text, node_id text, minutes float8)`, `minutes` the working time from
 * the task's creation to its decision on the calendar of the definition its case is pinned to.
 *
 * Two statements: the first finds the calendars and the span of instants involved, from which
 * each calendar's working clock is built (`workingClockOf`, the engine's arithmetic); the second
 * hands the clocks to PostgreSQL as JSON (`clocks`) and counts each task's working minutes as the
 * difference of the clock at its two instants, so no task row leaves the database.
 *
 * @returns the rows of `select`; none when no decided task matches.
 */
export async function aggregateHandledTasks<T extends Record<string, unknown>>(db: Db, where: SQL | undefined, select: SQL): Promise<T[]> {
  const decided = and(eq(tasks.status, 'completed'), isNotNull(tasks.completedAt), where);
  const spans = await db
    .select({
      calendar: calendarKey,
      from: sql<number>`extract(epoch from min(${tasks.createdAt}))::float8`,
      to: sql<number>`extract(epoch from max(${tasks.completedAt}))::float8`,
    })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(workflowDefinitions, and(eq(workflowDefinitions.key, cases.definitionKey), eq(workflowDefinitions.version, cases.definitionVersion)))
    .where(decided)
    .groupBy(sql`1`);
  if (spans.length === 0) return [];
  const clocks = spans.map((span) =>
    workingClockOf({ calendar: getCalendar(span.calendar), from: new Date(span.from * 1000), to: new Date(span.to * 1000) }),
  );
  const rows = await db.execute<T>(sql`
    with clocks as (
      select calendar, "timeZone" as time_zone, starts, ends, "firstDay"::date as first_day, before, working
      from jsonb_to_recordset(${JSON.stringify(clocks)}::jsonb) as clock(
        calendar text, "timeZone" text, starts float8[], ends float8[], "firstDay" text, before float8[], working boolean[]
      )
    ), handled as (
      select ${tasks.departmentId} as department_id, ${tasks.nodeId} as node_id,
        ${clockAt(sql`${tasks.completedAt}`)} - ${clockAt(sql`${tasks.createdAt}`)} as minutes
      from ${tasks}
      join ${cases} on ${cases.id} = ${tasks.caseId}
      join ${workflowDefinitions} on ${workflowDefinitions.key} = ${cases.definitionKey}
        and ${workflowDefinitions.version} = ${cases.definitionVersion}
      join clocks as c on c.calendar = ${calendarKey}
      where ${decided}
    )
    ${select}`);
  return [...rows] as T[];
}
