import type { InferSelectModel } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { bigserial, bigint, boolean, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { cases, tasks } from './cases.ts';
import { departments, jurisdictions, users } from './organisation.ts';

/**
 * Kinds of timer: a task's promised and statutory limits, the case's promised total, a service's
 * retry delay, and the timers the engine asks for (`acceptance`: an intake's art. 32 deadline;
 * `timerEvent`: a timer node).
 */
export const timerKinds = ['taskAtRisk', 'taskBreach', 'caseAtRisk', 'serviceRetry', 'acceptance', 'timerEvent'] as const;
export type TimerKind = (typeof timerKinds)[number];
export const timerStatuses = ['pending', 'paused', 'fired', 'cancelled'] as const;
export type TimerStatus = (typeof timerStatuses)[number];

/** A deadline's basis as stored (instants as ISO 8601): the engine's `DeadlineBasis`. */
export interface StoredDeadlineBasis {
  from: string;
  limit: { amount: number; unit: 'workingDay' | 'workingHour' | 'calendarDay' | 'hour' };
  changes: ({ type: 'extend'; by: StoredDeadlineBasis['limit'] } | { type: 'pause'; from: string; to?: string })[];
}

/**
 * Durable timers: the truth behind every BullMQ delayed job. The id is the job id and is never
 * reused (it carries the task activation and a generation), since BullMQ ignores a job id it has seen.
 */
export const timers = pgTable(
  'timers',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    taskId: text('task_id').references(() => tasks.id),
    /** The node and engine activation a timer that is not a task's belongs to (a service retry, a timer event). */
    nodeId: text('node_id'),
    activationId: text('activation_id'),
    /** The engine's id of a timer it asked for (`intake#1/acceptance`), sent back when it fires. */
    engineTimerId: text('engine_timer_id'),
    /** The unit the timer's duration is counted in, for a timer the engine asked for. */
    unit: text('unit', { enum: ['workingDay', 'workingHour', 'calendarDay', 'hour'] }),
    kind: text('kind', { enum: timerKinds }).notNull(),
    status: text('status', { enum: timerStatuses }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** Working minutes left when the case was suspended; the timer is re-armed from it on resume. */
    remainingMinutes: bigint('remaining_minutes', { mode: 'number' }),
    /**
     * How the deadline was counted (limit, start, extensions and suspensions since), so that it can
     * be counted again when the calendar changes; null for a service's retry delay.
     */
    basis: jsonb('basis').$type<StoredDeadlineBasis>(),
    /** The deadline relied on a day of a year whose holiday notice is not loaded. */
    provisional: boolean('provisional').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    firedAt: timestamp('fired_at', { withTimezone: true }),
  },
  (t) => [index('timers_status_due_idx').on(t.status, t.dueAt), index('timers_case_idx').on(t.caseId), index('timers_task_idx').on(t.taskId)],
);
export type TimerRow = InferSelectModel<typeof timers>;

/** Asynchronous effects written in the same transaction as the step, dispatched after commit. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
  },
  (t) => [index('outbox_pending_idx').on(t.id).where(sql`dispatched_at is null`)],
);
export type OutboxRow = InferSelectModel<typeof outbox>;

/**
 * Notices to a jurisdiction's supervisors or a department (an escalated breach), or to one user
 * (`userId`: an urge, a copy, an escalation to a supervisor, an extension decision), whose 消息
 * lists it until they mark it read.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    jurisdictionId: text('jurisdiction_id').references(() => jurisdictions.id),
    departmentId: text('department_id').references(() => departments.id),
    caseId: text('case_id').references(() => cases.id),
    taskId: text('task_id').references(() => tasks.id),
    /** The user it is addressed to, when one (an urge to a task's assignee, a copy); else the department's. */
    userId: text('user_id').references(() => users.id),
    message: text('message').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** When its user marked it read (消息); null while unread, and for a notification addressed to no user. */
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_jurisdiction_idx').on(t.jurisdictionId, t.createdAt),
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_user_unread_idx').on(t.userId).where(sql`${t.readAt} is null and ${t.userId} is not null`),
  ],
);
export type NotificationRow = InferSelectModel<typeof notifications>;

/** The virtual clock's current instant, when the system runs with `--virtual-clock` (one row). */
export const virtualClock = pgTable('virtual_clock', {
  id: text('id').primaryKey(),
  now: timestamp('now', { withTimezone: true }).notNull(),
});
