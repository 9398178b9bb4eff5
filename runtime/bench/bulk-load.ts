/**
 * Bulk loaders of the scale benchmarks, server-side `INSERT … SELECT` over `generate_series`
 * (no row goes through the client, which on one machine is faster than `COPY FROM STDIN` of the
 * same rows). Every column not named is copied from a real row the runtime wrote, so the loaded
 * rows keep the shape of today's schema (columns added later are copied too).
 */
import type postgres from 'postgres';

/** The columns of `table`, in order. */
async function columnsOf(sql: postgres.TransactionSql, table: string): Promise<string[]> {
  const rows = await sql<{ column_name: string }[]>`
    select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} order by ordinal_position`;
  if (rows.length === 0) throw new Error(`Table '${table}' has no columns (is the database migrated?)`);
  return rows.map((r) => r.column_name);
}

/** `insert into TABLE (cols) select <override or alias.col> … FROM_CLAUSE`, run as one statement. */
async function insertSelect(sql: postgres.TransactionSql, table: string, alias: string, overrides: Record<string, string>, from: string, params: unknown[]): Promise<number> {
  const columns = await columnsOf(sql, table);
  const unknown = Object.keys(overrides).filter((c) => !columns.includes(c));
  if (unknown.length > 0) throw new Error(`Table '${table}' has no column ${unknown.join(', ')}`);
  const list = columns.map((c) => `"${c}"`).join(', ');
  const values = columns.map((c) => overrides[c] ?? `${alias}."${c}"`).join(', ');
  const result = await sql.unsafe(`insert into ${table} (${list}) select ${values} ${from}`, params as postgres.ParameterOrJSON<never>[]);
  return result.count;
}

/** What {@link cloneCase} wrote. */
export interface CloneCounts {
  cases: number;
  tasks: number;
  timers: number;
  pendingTimers: number;
}

/**
 * Writes `count` copies of case `templateId` with its tasks and timers (ids `<id>.<tag><n>`: the API accepts letters, digits, `-`, `_`, `.` and `:`),
 * so the copies stand where the template stands: same snapshot, open tasks, pending timers.
 * Pending timers of copy n are moved `n mod spreadMinutes` minutes later (spread over time, as
 * the timers of cases filed one after another are).
 */
export async function cloneCase(sql: postgres.Sql, templateId: string, count: number, options: { tag: string; spreadMinutes?: number }): Promise<CloneCounts> {
  const suffix = `'.${options.tag}' || g`;
  const spread = options.spreadMinutes ?? 0;
  const from = (alias: string, table: string, where: string) => `from ${table} ${alias} cross join generate_series(1, $2::int) g where ${alias}.${where} = $1`;
  return sql.begin(async (tx) => {
    const cases = await insertSelect(
      tx,
      'cases',
      'c',
      { id: `c.id || ${suffix}`, case_number: `c.case_number || ${suffix}`, idempotency_key: 'null', idempotency_scope: 'null', idempotency_fingerprint: 'null' },
      from('c', 'cases', 'id'),
      [templateId, count],
    );
    const tasks = await insertSelect(tx, 'tasks', 't', { id: `t.id || ${suffix}`, case_id: `t.case_id || ${suffix}` }, from('t', 'tasks', 'case_id'), [templateId, count]);
    const timers = await insertSelect(
      tx,
      'timers',
      'm',
      {
        id: `m.id || ${suffix}`,
        case_id: `m.case_id || ${suffix}`,
        task_id: `case when m.task_id is null then null else m.task_id || ${suffix} end`,
        due_at: `case when m.status = 'pending' then m.due_at + make_interval(mins => (g % ${Math.max(1, spread)})::int * ${spread === 0 ? 0 : 1}) else m.due_at end`,
      },
      from('m', 'timers', 'case_id'),
      [templateId, count],
    );
    const [pending] = await tx<{ n: number }[]>`select count(*)::int as n from timers where case_id = ${templateId} and status = 'pending'`;
    return { cases, tasks, timers, pendingTimers: (pending?.n ?? 0) * count };
  });
}

/** Sub-districts the monitor data is spread over, with their share of cases, and their district. */
const AREAS = [
  { jurisdiction: 'sh-pudong-lujiazui', district: 'pudong', share: 0.45 },
  { jurisdiction: 'sh-xuhui-tianping', district: 'xuhui', share: 0.3 },
  { jurisdiction: 'sh-huangpu-nanjing-east', district: 'huangpu', share: 0.25 },
] as const;

/** The five tasks of a loaded case: open-restaurant nodes and the kind of department that handles each. */
const TASK_SLOTS = [
  { node: 'intake', kind: 'service-hall' },
  { node: 'licence-check', kind: 'market-regulation' },
  { node: 'food-review', kind: 'market-regulation' },
  { node: 'food-inspection', kind: 'market-regulation' },
  { node: 'fire-inspection-district', kind: 'fire-rescue' },
] as const;

/** The shape of the monitor data, for the report. */
export const MONITOR_DATA_SHAPE =
  'Each case has 5 tasks (intake, licence-check, food-review, food-inspection, fire-inspection-district), handled by the departments of its district ' +
  `(${AREAS.map((a) => `${a.district} ${a.share * 100} %`).join(', ')}). 80 % of cases are completed (every task completed, 92 % met, 8 % breached, ` +
  'created over the past two years); 20 % are active: four tasks completed and one open, at a node drawn at random, its statutory limit ' +
  'overdue for 5 % (0–30 days ago), at risk for 10 % (due within 2 days), on track for 85 % (due in 2–20 days); 30 % of open tasks are claimed by a clerk of their department. ' +
  'Snapshots, applicant (with its name) and data are copies of a real case.';

/**
 * Loads `cases` cases with five tasks each around instant `now` (see {@link MONITOR_DATA_SHAPE}),
 * copying snapshot, applicant and data from case `templateId`. Deterministic for a given seed.
 * Returns the rows written.
 */
export async function loadMonitorData(sql: postgres.Sql, templateId: string, cases: number, now: Date, seed = 0.42): Promise<{ cases: number; tasks: number }> {
  const areas = `(array[${AREAS.map((a) => `'${a.jurisdiction}'`).join(',')}])`;
  const districts = `(array[${AREAS.map((a) => `'${a.district}'`).join(',')}])`;
  const cut1 = AREAS[0].share;
  const cut2 = AREAS[0].share + AREAS[1].share;
  return sql.begin(async (tx) => {
    await tx`select setseed(${seed})`;
    // One row per case with its draws, kept for the tasks.
    await tx.unsafe(`create temporary table bench_draws on commit drop as
      select g, case when r1 < ${cut1} then 1 when r1 < ${cut2} then 2 else 3 end as area,
        r2 < 0.8 as completed, r3 as created_fraction, 1 + floor(r4 * 5)::int as open_slot, r5 as sla_draw, r6 as due_draw, r7 < 0.3 as claimed
      from (select g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7 from generate_series(1, $1::int) g) d`, [cases]);
    // The clerk who claims a department's claimed tasks: its first, by id (every district department has one).
    await tx.unsafe(`create temporary table bench_assignees on commit drop as
      select distinct on (department_id) department_id, id as user_id from users where 'clerk' = any(roles) order by department_id, id`);
    const now_ = `$2::timestamptz`;
    const loadedCases = await insertSelect(
      tx,
      'cases',
      'c',
      {
        id: `'bulk-' || d.g`,
        case_number: `'SH-BULK-' || lpad(d.g::text, 7, '0')`,
        jurisdiction_id: `${areas}[d.area]`,
        status: `case when d.completed then 'completed' else 'active' end`,
        result: `case when d.completed then 'approved' else null end`,
        idempotency_key: 'null',
        idempotency_scope: 'null',
        idempotency_fingerprint: 'null',
        created_at: `${now_} - make_interval(days => (d.created_fraction * 730)::int)`,
        updated_at: `${now_} - make_interval(days => (d.created_fraction * 700)::int)`,
        completed_at: `case when d.completed then ${now_} - make_interval(days => (d.created_fraction * 700)::int) else null end`,
        sla_state: `case when d.completed then 'met' else 'onTrack' end`,
      },
      `from cases c cross join bench_draws d where c.id = $1`,
      [templateId, now.toISOString()],
    );
    const slots = `(array[${TASK_SLOTS.map((s) => `'${s.node}'`).join(',')}])`;
    const kinds = `(array[${TASK_SLOTS.map((s) => `'${s.kind}'`).join(',')}])`;
    // The open task of an active case is its fifth, at the node of `open_slot`.
    const node = `case when not d.completed and k = 5 then d.open_slot else k end`;
    const open = `(not d.completed and k = 5)`;
    const claimed = `(${open} and d.claimed)`;
    const department = `'sh-' || ${districts}[d.area] || '-' || ${kinds}[${node}]`;
    const due = `case when ${open} then (case when d.sla_draw < 0.05 then ${now_} - make_interval(mins => (d.due_draw * 43200)::int)
        when d.sla_draw < 0.15 then ${now_} + make_interval(mins => (d.due_draw * 2880)::int)
        else ${now_} + make_interval(mins => 2880 + (d.due_draw * 25920)::int) end)
      else ${now_} - make_interval(days => (d.created_fraction * 700)::int, hours => k) end`;
    const loadedTasks = await insertSelect(
      tx,
      'tasks',
      't',
      {
        id: `'bulk-' || d.g || '-' || k`,
        case_id: `'bulk-' || d.g`,
        activation_id: `${slots}[${node}] || '#' || k`,
        node_id: `${slots}[${node}]`,
        department_id: department,
        candidate_role: `'clerk'`,
        status: `case when ${claimed} then 'claimed' when ${open} then 'open' else 'completed' end`,
        assignee_id: `case when ${claimed} then (select a.user_id from bench_assignees a where a.department_id = ${department}) else null end`,
        outcome: `case when ${open} then null else 'approve' end`,
        created_at: `(${due}) - interval '20 days'`,
        claimed_at: `case when ${claimed} then (${due}) - interval '19 days' else null end`,
        completed_at: `case when ${open} then null else (${due}) - interval '2 days' end`,
        at_risk_at: `(${due}) - interval '3 days'`,
        due_at: due,
        sla_state: `case when ${open} then (case when d.sla_draw < 0.05 then 'overdue' when d.sla_draw < 0.15 then 'atRisk' else 'onTrack' end)
          when (d.g + k) % 100 < 8 then 'breached' else 'met' end`,
        escalated_at: 'null',
        extension: 'null',
        instance: 'null',
      },
      `from (select * from tasks where case_id = $1 order by created_at limit 1) t cross join bench_draws d cross join generate_series(1, 5) k`,
      [templateId, now.toISOString()],
    );
    return { cases: loadedCases, tasks: loadedTasks };
  });
}
