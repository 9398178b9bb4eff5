import { and, eq, lt } from 'drizzle-orm';
import type { Clock } from '../clock/clock.ts';
import type { Db } from '../db/client.ts';
import { serviceInvocations, timers, webhookDeliveries } from '../db/schema/index.ts';
import type { ServiceQueue } from './service-queue.ts';
import type { TimerQueue } from './timer-queue.ts';
import type { WebhookQueue } from './webhook-queue.ts';

/** Options of {@link QueueRecovery}. */
export interface QueueRecoveryOptions {
  db: Db;
  clock: Clock;
  timers: TimerQueue;
  services: ServiceQueue;
  webhooks: WebhookQueue;
}

/** Restricts a recovery to the rows that have waited this long (wall clock), milliseconds. */
export interface LateBy {
  lateByMs?: number;
}

/**
 * Puts back into Redis the jobs PostgreSQL says should be there: a delayed job for every pending
 * timer row, a job for every queued service attempt and every pending webhook delivery. Redis may lose them (a restart without
 * persistence, a flush; pitfalls B13, B14); the rows are the truth. Job ids are the timer id and
 * the attempt's id, so a job Redis still holds is not doubled (BullMQ ignores an id it holds,
 * pitfalls B16), and firing or running twice acts once (the handlers check the row).
 */
export class QueueRecovery {
  constructor(private readonly options: QueueRecoveryOptions) {}

  /**
   * Arms a delayed job for every pending timer row, or only those due more than `lateByMs` ago;
   * returns how many. Nothing on a virtual clock, whose timers fire when it moves.
   */
  async rearmTimers({ lateByMs }: LateBy = {}): Promise<number> {
    const { db, clock } = this.options;
    if (clock.virtual) return 0;
    const pending = await db
      .select({ id: timers.id, dueAt: timers.dueAt })
      .from(timers)
      .where(
        and(
          eq(timers.status, 'pending'),
          ...(lateByMs === undefined ? [] : [lt(timers.dueAt, new Date(clock.now().getTime() - lateByMs))]),
        ),
      );
    const due = pending.filter((t): t is { id: string; dueAt: Date } => t.dueAt !== null);
    await this.options.timers.scheduleMany(due, clock.now());
    return due.length;
  }

  /** Queues a job for every queued service attempt, or only those queued more than `lateByMs` ago; returns how many. */
  async requeueInvocations({ lateByMs }: LateBy = {}): Promise<number> {
    const queued = await this.options.db
      .select({ invocationId: serviceInvocations.id, attempt: serviceInvocations.attempt })
      .from(serviceInvocations)
      .where(
        and(
          eq(serviceInvocations.status, 'queued'),
          ...(lateByMs === undefined ? [] : [lt(serviceInvocations.queuedAt, new Date(Date.now() - lateByMs))]),
        ),
      );
    await this.options.services.enqueueMany(queued);
    return queued.length;
  }

  /**
   * Queues a job for every pending webhook delivery (a job Redis still holds, waiting for its next
   * attempt, is left as it is); returns how many. A delivery queued anew starts its retries afresh.
   */
  async requeueWebhooks(): Promise<number> {
    const pending = await this.options.db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.status, 'pending'));
    await this.options.webhooks.enqueueMany(pending.map((p) => p.id));
    return pending.length;
  }
}
