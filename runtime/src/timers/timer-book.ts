import { and, eq, inArray, sql } from 'drizzle-orm';
import { addDuration, countDeadline, pauseDeadline, resumeDeadline } from '@tongban/engine';
import type { BusinessCalendar, DueDate, SlaUnit } from '@tongban/engine';
import { tasks, timers, type StoredDeadlineBasis, type TimerKind, type TimerRow } from '../db/schema/index.ts';
import type { Tx } from '../cases/transaction.ts';
import type { OutboxMessage } from '../outbox/outbox-message.ts';
import { basisOf, withChange, withPauseEnded } from './deadline-basis.ts';
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
  /** How `dueAt` was counted, to count it again when the calendar changes; and whether it is provisional. */
  basis?: StoredDeadlineBasis;
  provisional?: boolean;
}

/**
 * Which timers {@link cancelTimers} cancels: a task's (by its row id, or by its activation in the
 * case when the row is being written in the same round trip), an activation's, the one the engine
 * knows by `engineTimerId`, or (undefined) the whole case's.
 */
export type TimerScope = { taskId: string } | { taskActivationId: string } | { activationId: string } | { engineTimerId: string };

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
        basis: spec.basis ?? null,
        provisional: spec.provisional ?? false,
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
        : 'taskActivationId' in scope
          ? sql`${timers.taskId} = (${ctx.tx.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.caseId, ctx.caseId), eq(tasks.activationId, scope.taskActivationId)))})`
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
      .set({ status: 'paused', remainingMinutes: Math.round(left), basis: timer.basis && withChange(timer.basis, { type: 'pause', from: ctx.now.toISOString() }) })
      .where(eq(timers.id, timer.id))
      .returning();
    ctx.send({ topic: 'timer.unschedule', payload: { timerId: timer.id } });
    paused.push(row as TimerRow);
  }
  return paused;
}

/**
 * Extends the timer of `kind` of task `taskId` (activation `owner`): its deadline moves `by`
 * later, counted on the calendar from the deadline it had (`previousDueAt`). A pending one is
 * cancelled and a new row (next generation) armed; when it has fired already, a new one is armed
 * too. The new row's basis is the latest row's with the extension. Returns the new row.
 */
export async function extendTaskTimer(
  ctx: TimerContext,
  task: { taskId: string; owner: string; previousDueAt: Date },
  kind: TimerKind,
  by: StoredDeadlineBasis['limit'],
): Promise<TimerRow> {
  const existing = await ctx.tx
    .select()
    .from(timers)
    .where(and(eq(timers.taskId, task.taskId), eq(timers.kind, kind)));
  const latest = existing.reduce<TimerRow | undefined>(
    (found, t) => (found === undefined || parseTimerId(t.id).generation > parseTimerId(found.id).generation ? t : found),
    undefined,
  );
  const generation = latest === undefined ? 1 : parseTimerId(latest.id).generation + 1;
  const live = existing.filter((t) => t.status === 'pending');
  if (live.length > 0) {
    await ctx.tx.update(timers).set({ status: 'cancelled' }).where(inArray(timers.id, live.map((t) => t.id)));
    for (const timer of live) ctx.send({ topic: 'timer.unschedule', payload: { timerId: timer.id } });
  }
  const basis = latest?.basis ? withChange(latest.basis, { type: 'extend', by }) : undefined;
  const due = basis ? countDeadline(ctx.calendar, basisOf(basis)) : addDuration(ctx.calendar, task.previousDueAt, by);
  const [row] = await armTimers(ctx, [
    { kind, owner: task.owner, taskId: task.taskId, dueAt: due.dueAt, generation, provisional: due.provisional, ...(basis && { basis }) },
  ]);
  return row as TimerRow;
}

/**
 * Re-arms every paused timer of the case from the minutes it had left: the paused row is
 * cancelled and a new row (new id, next generation) is due at the remainder counted from now
 * (its basis counted with the suspension ended now, which gives the same instant).
 */
export async function resumeTimers(ctx: TimerContext): Promise<ResumedTimer[]> {
  const paused = await ctx.tx
    .select()
    .from(timers)
    .where(and(eq(timers.caseId, ctx.caseId), eq(timers.status, 'paused')));
  const resumed: ResumedTimer[] = [];
  for (const previous of paused) {
    const basis = previous.basis && withPauseEnded(previous.basis, ctx.now);
    const due = basis
      ? countDeadline(ctx.calendar, basisOf(basis))
      : resumeDeadline(ctx.calendar, ctx.now, previous.remainingMinutes ?? 0, await ctx.unitOf(previous));
    resumed.push({ previous, timer: await replaceTimer(ctx, previous, due, basis) });
  }
  return resumed;
}

/** A live timer a recount changed: the row before, and the row that holds the deadline now. */
export interface RecountedTimer {
  previous: TimerRow;
  timer: TimerRow;
}

/**
 * Counts every live timer of the case that has a basis again, on the case's calendar as it is now
 * (after a holiday notice was loaded or an adjustment changed). A pending timer whose deadline
 * moved is cancelled and a new row (new id, next generation) armed at the new deadline; a paused
 * one keeps its row with the new deadline and minutes left; one whose deadline stayed and whose
 * provisional flag changed is updated in place. Timers that did not change are left alone.
 */
export async function recountTimers(ctx: TimerContext): Promise<RecountedTimer[]> {
  const live = await ctx.tx
    .select()
    .from(timers)
    .where(and(eq(timers.caseId, ctx.caseId), inArray(timers.status, [...LIVE])));
  const recounted: RecountedTimer[] = [];
  for (const previous of live) {
    if (previous.basis === null || previous.dueAt === null) continue;
    const due = countDeadline(ctx.calendar, basisOf(previous.basis));
    const moved = due.dueAt.getTime() !== previous.dueAt.getTime();
    const left = previous.status === 'paused' ? (due.remainingMinutes ?? previous.remainingMinutes) : previous.remainingMinutes;
    if (!moved && due.provisional === previous.provisional && left === previous.remainingMinutes) continue;
    if (previous.status === 'paused' || !moved) {
      const [timer] = await ctx.tx
        .update(timers)
        .set({ dueAt: due.dueAt, provisional: due.provisional, remainingMinutes: left })
        .where(eq(timers.id, previous.id))
        .returning();
      recounted.push({ previous, timer: timer as TimerRow });
      continue;
    }
    recounted.push({ previous, timer: await replaceTimer(ctx, previous, due, previous.basis) });
  }
  return recounted;
}

/**
 * Cancels live timer `previous` (unscheduling its job when it is pending) and arms its successor:
 * the same owner, kind and attributes, the next generation (a new id), due at `due`, with `basis`.
 */
async function replaceTimer(ctx: TimerContext, previous: TimerRow, due: DueDate, basis: StoredDeadlineBasis | null): Promise<TimerRow> {
  await ctx.tx.update(timers).set({ status: 'cancelled' }).where(eq(timers.id, previous.id));
  if (previous.status === 'pending') ctx.send({ topic: 'timer.unschedule', payload: { timerId: previous.id } });
  const { owner } = parseTimerId(previous.id);
  const [timer] = await armTimers(ctx, [
    {
      kind: previous.kind,
      owner,
      taskId: previous.taskId,
      dueAt: due.dueAt,
      generation: await nextGeneration(ctx, owner, previous.kind),
      ...(previous.nodeId !== null && { nodeId: previous.nodeId }),
      ...(previous.activationId !== null && { activationId: previous.activationId }),
      ...(previous.engineTimerId !== null && { engineTimerId: previous.engineTimerId }),
      ...(previous.unit !== null && { unit: previous.unit }),
      ...(basis !== null && { basis, provisional: due.provisional }),
    },
  ]);
  return timer as TimerRow;
}

/** One more than the highest generation of the timers of `owner` and `kind` in the case. */
export async function nextGeneration(ctx: TimerContext, owner: string, kind: TimerKind): Promise<number> {
  const rows = await ctx.tx
    .select({ id: timers.id })
    .from(timers)
    .where(and(eq(timers.caseId, ctx.caseId), eq(timers.kind, kind)));
  const generations = rows.map((row) => parseTimerId(row.id)).filter((id) => id.owner === owner).map((id) => id.generation);
  return Math.max(0, ...generations) + 1;
}

/** Whether a live deadline (promised or statutory) of task `taskId` is provisional. */
export async function taskDeadlineProvisional(ctx: TimerContext, taskId: string): Promise<boolean> {
  const live = await ctx.tx
    .select({ provisional: timers.provisional })
    .from(timers)
    .where(and(eq(timers.taskId, taskId), inArray(timers.status, [...LIVE]), inArray(timers.kind, ['taskAtRisk', 'taskBreach'])));
  return live.some((t) => t.provisional);
}
