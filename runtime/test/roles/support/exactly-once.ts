import type postgres from 'postgres';

/** Audit events a case, or a task of it, records at most once. */
const ONCE_PER_CASE = ['case.created', 'case.completed', 'case.accepted', 'case.atRisk'];
const ONCE_PER_TASK = ['task.created', 'task.closed', 'task.atRisk', 'task.overdue'];
const ONCE_PER_TASK_AND_LIMIT = ['task.reminded', 'task.escalated'];

/**
 * What the database of a run shows done more than once, or not at all, among the work the workers
 * share: each line a finding, none when every fired timer acted once, every service invocation ran
 * to one outcome and every notification was sent once. Reads cases of every definition.
 */
export async function exactlyOnceFindings(sql: postgres.Sql): Promise<string[]> {
  const findings: string[] = [];
  const report = (rule: string, rows: readonly Record<string, unknown>[]) => {
    for (const row of rows.slice(0, 5)) findings.push(`${rule}: ${JSON.stringify(row)}`);
    if (rows.length > 5) findings.push(`${rule}: … ${rows.length - 5} more`);
  };

  report('timer acted on more than once', await sql`
    select payload->>'timerId' as timer_id, count(*)::int as n from case_events
    where payload ? 'timerId' group by 1 having count(*) > 1`);
  report('statutory timer fired without one task.overdue', await sql`
    select t.id, count(e.id)::int as n from timers t
    left join case_events e on e.type = 'task.overdue' and e.payload->>'timerId' = t.id
    where t.kind = 'taskBreach' and t.status = 'fired' group by t.id having count(e.id) <> 1`);
  report('timer left pending or paused on an ended case', await sql`
    select t.id, t.kind, t.status from timers t join cases c on c.id = t.case_id
    where c.status = 'completed' and t.status in ('pending', 'paused')`);
  report('event recorded twice for one case', await sql`
    select case_id, type, count(*)::int as n from case_events
    where type in ${sql(ONCE_PER_CASE)} group by case_id, type having count(*) > 1`);
  report('event recorded twice for one task', await sql`
    select task_id, type, count(*)::int as n from case_events
    where type in ${sql(ONCE_PER_TASK)} and task_id is not null group by task_id, type having count(*) > 1`);
  // A task is completed twice only with two outcomes: a 补正 request, then the decision after the supplement.
  report('task completed twice with one outcome', await sql`
    select task_id, payload->>'outcome' as outcome, count(*)::int as n from case_events
    where type = 'task.completed' group by task_id, payload->>'outcome' having count(*) > 1`);
  report('event recorded twice for one task and limit', await sql`
    select task_id, type, payload->>'limit' as limit, count(*)::int as n from case_events
    where type in ${sql(ONCE_PER_TASK_AND_LIMIT)} group by task_id, type, payload->>'limit' having count(*) > 1`);
  report('notification sent twice', await sql`
    select task_id, kind, jurisdiction_id, department_id, user_id, payload->>'limit' as limit, count(*)::int as n from notifications
    where task_id is not null group by task_id, kind, jurisdiction_id, department_id, user_id, payload->>'limit' having count(*) > 1`);
  report('reminders and task.reminded events disagree', await sql`
    select r.task_id, r.n as reminders, coalesce(e.n, 0) as events
    from (select task_id, count(*)::int as n from notifications where kind = 'reminder' group by task_id) r
    full join (select task_id, count(*)::int as n from case_events where type = 'task.reminded' group by task_id) e using (task_id)
    where r.n is distinct from e.n`);
  report('escalations and task.escalated events disagree', await sql`
    select r.task_id, r.n as notifications, coalesce(e.n, 0) as addressed
    from (select task_id, count(*)::int as n from notifications where kind = 'escalation' and user_id is null group by task_id) r
    full join (select task_id, sum(jsonb_array_length(payload->'to'))::int as n from case_events where type = 'task.escalated' group by task_id) e using (task_id)
    where r.n is distinct from e.n`);
  report('service invocation without exactly one outcome', await sql`
    select i.id, i.status, count(e.id)::int as outcomes from service_invocations i
    left join case_events e on e.type = 'service.completed' and e.case_id = i.case_id and e.payload->>'invocationId' = i.id
    group by i.id, i.status having i.status <> 'succeeded' or count(e.id) <> 1`);
  report('service invocation invoked twice', await sql`
    select payload->>'invocationId' as invocation_id, count(*)::int as n from case_events
    where type = 'service.invoked' group by 1 having count(*) > 1`);
  return findings;
}
