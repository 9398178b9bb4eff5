import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { slaStates, type SlaState } from '../db/schema/index.ts';

/** What the whole system holds in PostgreSQL, as the metrics report it (the same on every process). */
export interface DatabaseFigures {
  /** Timer rows waiting to fire. */
  timersPending: number;
  /** Of those, the ones whose due instant has passed on the runtime's clock. */
  timersOverdue: number;
  /** Open and claimed tasks by SLA state (every state present, 0 when none). */
  openTasksBySla: Record<SlaState, number>;
  /** Incidents not resolved. */
  openIncidents: number;
  /** Outbox rows not yet dispatched. */
  outboxPending: number;
  /** Age of the oldest of them in seconds (wall clock of PostgreSQL), 0 when there is none. */
  outboxLagSeconds: number;
}

/** The longest the figures' queries may run, ms: a scrape never holds a connection longer. */
export const FIGURES_STATEMENT_TIMEOUT_MS = 2_000;

/**
 * Reads the {@link DatabaseFigures} in one read-only, repeatable-read transaction (one snapshot: a
 * timer that fires between two of the queries is counted as fired by both) bounded by
 * {@link FIGURES_STATEMENT_TIMEOUT_MS}, with queries that each walk one index and only the rows
 * still live (pending timers, open tasks, open incidents, undispatched outbox rows), never the
 * history: `timers_status_due_idx`, `tasks_open_sla_idx`, `incidents_status_created_idx`,
 * `outbox_pending_idx`. `now` is the runtime's clock (virtual under simulation).
 */
export async function readDatabaseFigures(db: Db, now: Date): Promise<DatabaseFigures> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql.raw(`set local statement_timeout = ${FIGURES_STATEMENT_TIMEOUT_MS}`));
      const [timers] = await tx.execute<{ pending: number; overdue: number }>(sql`
        select count(*)::int as pending, count(*) filter (where due_at < ${now.toISOString()}::timestamptz)::int as overdue
        from timers where status = 'pending'`);
      const slaRows = await tx.execute<{ sla_state: SlaState; n: number }>(sql`
        select sla_state, count(*)::int as n from tasks where status in ('open', 'claimed') group by sla_state`);
      const [incidents] = await tx.execute<{ open: number }>(sql`select count(*)::int as open from incidents where status = 'open'`);
      const [outbox] = await tx.execute<{ pending: number; lag: number | null }>(sql`
        select count(*)::int as pending,
          extract(epoch from clock_timestamp() - (select created_at from outbox where dispatched_at is null order by id limit 1))::float8 as lag
        from outbox where dispatched_at is null`);
      const openTasksBySla = Object.fromEntries(slaStates.map((state) => [state, 0])) as Record<SlaState, number>;
      for (const row of slaRows) openTasksBySla[row.sla_state] = row.n;
      return {
        timersPending: timers?.pending ?? 0,
        timersOverdue: timers?.overdue ?? 0,
        openTasksBySla,
        openIncidents: incidents?.open ?? 0,
        outboxPending: outbox?.pending ?? 0,
        outboxLagSeconds: Math.max(0, outbox?.lag ?? 0),
      };
    },
    { accessMode: 'read only', isolationLevel: 'repeatable read' },
  );
}
