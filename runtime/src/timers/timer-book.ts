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
  /** For a timer that is not a task's: the node and engine activation it belongs to. */
  nodeId?: string;
  activationId?: string;
  /** For a timer the engine asked for: its id there, and the unit its duration is counted in. */
  engineTimerId?: string;
  unit?: SlaUnit;
}

/**
 * Which timers {@link cancelTimers} cancels: a task's, an activation's, the one the engine knows
 * by `engineTimerId`, or (undefined) the whole case's.
 */
export type TimerScope = { taskId: string } | { activationId: string } | { engineTimerId: string };

/**
 * The kinds of timer a suspension pauses: the legal limits and the engine's timers, which are
 * counted like them. A service's retry delay keeps running.
 */
export const PAUSABLE_TIMER_KINDS: readonly TimerKind[] = ['taskAtRisk', 'taskBreach', 'caseAtRisk', 'acceptance', 'timerEvent'];

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
        nodeId: spec.nodeId ?? null,
        activationId: spec.activationId ?? null,
        engineTimerId: spec.engineTimerId ?? null,
        unit: spec.unit ?? null,
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
 * Cancels the live (pending or paused) timers of a task, of an engine activation, or of the whole
 * case (`scope` undefined), and unschedules their jobs.
 */
export async function cancelTimers(ctx: TimerContext, scope?: TimerScope): Promise<TimerRow[]> {
  const where =
    scope === undefined
      ? eq(timers.caseId, ctx.caseId)
      : 'taskId' in scope
        ? eq(timers.taskId, scope.taskId)
        : 'activationId' in scope
          ? and(eq(timers.caseId, ctx.caseId), eq(timers.activationId, scope.activationId))
          : and(eq(timers.caseId, ctx.caseId), eq(timers.engineTimerId, scope.engineTimerId));
  const cancelled = await ctx.tx
    .update(timers)
    .set({ status: 'cancelled' })
    .where(and(where, inArray(timers.status, [...LIVE])))
    .returning();
  for (const timer of cancelled) {
    ctx.send({ topic: 'timer.unschedule', payload: { timerId: timer.id } });
  }
  return cancelled;
}

/**
 * Pauses every pending timer of the case a suspension stops ({@link PAUSABLE_TIMER_KINDS}): each keeps the minutes its
 * limit had left (`remainingMinutes`, working minutes for working units), and its job is removed.
 */
export async function pauseTimers(ctx: TimerContext): Promise<TimerRow[]> {
  const pending = await ctx.tx
    .select()
    .from(timers)
    .where(and(eq(timers.caseId, ctx.caseId), eq(timers.status, 'pending'), inArray(timers.kind, [...PAUSABLE_TIMER_KINDS])));
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
 * Moves the timer of `kind` of task `taskId` (activation `owner`) to `dueAt`: a pending one is
 * cancelled and a new row (next generation) armed at `dueAt`; when it has fired already, a new one
 * is armed too. Returns the new row.
 */
export async function rearmTaskTimer(ctx: TimerContext, task: { taskId: string; owner: string }, kind: TimerKind, dueAt: Date): Promise<TimerRow> {
  const existing = await ctx.tx
    .select()
    .from(timers)
    .where(and(eq(timers.taskId, task.taskId), eq(timers.kind, kind)));
  const generation = Math.max(0, ...existing.map((t) => parseTimerId(t.id).generation)) + 1;
  const live = existing.filter((t) => t.status === 'pending');
  if (live.length > 0) {
    await ctx.tx.update(timers).set({ status: 'cancelled' }).where(inArray(timers.id, live.map((t) => t.id)));
    for (const timer of live) ctx.send({ topic: 'timer.unschedule', payload: { timerId: timer.id } });
  }
  const [row] = await armTimers(ctx, [{ kind, owner: task.owner, taskId: task.taskId, dueAt, generation }]);
  return row as TimerRow;
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
      {
        kind: previous.kind,
        owner,
        taskId: previous.taskId,
        dueAt: due.dueAt,
        generation: generation + 1,
        ...(previous.nodeId !== null && { nodeId: previous.nodeId }),
        ...(previous.activationId !== null && { activationId: previous.activationId }),
        ...(previous.engineTimerId !== null && { engineTimerId: previous.engineTimerId }),
        ...(previous.unit !== null && { unit: previous.unit }),
      },
    ]);
    resumed.push({ previous, timer: timer as TimerRow });
  }
  return resumed;
}
