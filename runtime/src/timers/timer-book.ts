import { and, eq, inArray } from 'drizzle-orm';
import { pauseDeadline, resumeDeadline } from '@tongban/engine';
import type { BusinessCalendar, SlaUnit } from '@tongban/engine';
import { timers, type TimerKind, type TimerRow } from '../db/schema/index.ts';
import type { Tx } from '../cases/transaction.ts';
import type { OutboxMessage } from '../outbox/outbox-message.ts';
import { parseTimerId, timerIdOf } from './timer-id.ts';

/** What the timer book needs from the unit of work it runs in. */
export interface TimerContext {
  tx: Tx;
  now: Date;
  caseId: string;
  calendar: BusinessCalendar;
  /** Queues an outbox message, written in the same transaction. */
  send(message: OutboxMessage): void;
  /** The unit the limit of a timer is counted in (from its task's or its case's SLA). */
  unitOf(timer: TimerRow): Promise<SlaUnit>;
}

/**
 * A timer to arm: for a task (`taskId` = task row id, `owner` = its activation) or for the case
 * (`owner` = `case`). `generation` is 1 for a first arming and one more on each re-arming.
 */
export interface TimerSpec {
  kind: TimerKind;
  owner: string;
  taskId: string | null;
  dueAt: Date;
  generation: number;
}

/** A paused timer re-armed on resume: the row it replaces and the new one. */
export interface ResumedTimer {
  previous: TimerRow;
  timer: TimerRow;
}

const LIVE = ['pending', 'paused'] as const;

/** Inserts pending timer rows (one statement) and schedules their jobs. */
export async function armTimers(ctx: TimerContext, specs: readonly TimerSpec[]): Promise<TimerRow[]> {
  if (specs.length === 0) return [];
  const rows = await ctx.tx
    .insert(timers)
    .values(
      specs.map((spec) => ({
        id: timerIdOf(ctx.caseId, spec.owner, spec.kind, spec.generation),
        caseId: ctx.caseId,
        taskId: spec.taskId,
        kind: spec.kind,
        status: 'pending' as const,
        dueAt: spec.dueAt,
        createdAt: ctx.now,
      })),
    )
    .returning();
  for (const row of rows) {
    ctx.send({ topic: 'timer.schedule', payload: { timerId: row.id, dueAt: (row.dueAt as Date).toISOString() } });
  }
  return rows;
}

/**
 * Cancels the live (pending or paused) timers of a task (`taskId`), or of the whole case
 * (`taskId` undefined), and unschedules the jobs of the pending ones.
 */
export async function cancelTimers(ctx: TimerContext, taskId?: string): Promise<TimerRow[]> {
  const scope = taskId === undefined ? eq(timers.caseId, ctx.caseId) : eq(timers.taskId, taskId);
  const cancelled = await ctx.tx
    .update(timers)
    .set({ status: 'cancelled' })
    .where(and(scope, inArray(timers.status, [...LIVE])))
    .returning();
  for (const timer of cancelled) {
    ctx.send({ topic: 'timer.unschedule', payload: { timerId: timer.id } });
  }
  return cancelled;
}

/**
 * Pauses every pending timer of the case: each keeps the minutes its limit had left
 * (`remainingMinutes`, working minutes for working units), and its job is removed.
 */
export async function pauseTimers(ctx: TimerContext): Promise<TimerRow[]> {
  const pending = await ctx.tx
    .select()
    .from(timers)
    .where(and(eq(timers.caseId, ctx.caseId), eq(timers.status, 'pending')));
  const paused: TimerRow[] = [];
  for (const timer of pending) {
    const left = timer.dueAt ? pauseDeadline(ctx.calendar, ctx.now, timer.dueAt, await ctx.unitOf(timer)) : 0;
    const [row] = await ctx.tx
      .update(timers)
      .set({ status: 'paused', remainingMinutes: Math.round(left) })
      .where(eq(timers.id, timer.id))
      .returning();
    ctx.send({ topic: 'timer.unschedule', payload: { timerId: timer.id } });
    paused.push(row as TimerRow);
  }
  return paused;
}

/**
 * Re-arms every paused timer of the case from the minutes it had left: the paused row is
 * cancelled and a new row (new id, next generation) is due at the remainder counted from now.
 */
export async function resumeTimers(ctx: TimerContext): Promise<ResumedTimer[]> {
  const paused = await ctx.tx
    .select()
    .from(timers)
    .where(and(eq(timers.caseId, ctx.caseId), eq(timers.status, 'paused')));
  const resumed: ResumedTimer[] = [];
  for (const previous of paused) {
    await ctx.tx.update(timers).set({ status: 'cancelled' }).where(eq(timers.id, previous.id));
    const due = resumeDeadline(ctx.calendar, ctx.now, previous.remainingMinutes ?? 0, await ctx.unitOf(previous));
    const { owner, generation } = parseTimerId(previous.id);
    const [timer] = await armTimers(ctx, [
      { kind: previous.kind, owner, taskId: previous.taskId, dueAt: due.dueAt, generation: generation + 1 },
    ]);
    resumed.push({ previous, timer: timer as TimerRow });
  }
  return resumed;
}
