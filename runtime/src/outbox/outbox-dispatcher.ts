import { and, asc, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { outbox, type OutboxRow } from '../db/schema/index.ts';
import type { Clock } from '../clock/index.ts';
import type { ServiceQueue } from '../queues/service-queue.ts';
import type { TimerQueue } from '../queues/timer-queue.ts';
import type { OutboxMessage } from './outbox-message.ts';

/** Options of the {@link OutboxDispatcher}. */
export interface OutboxDispatcherOptions {
  db: Db;
  clock: Clock;
  timers: TimerQueue;
  services: ServiceQueue;
  /** Rows older than this (wall-clock milliseconds) are the sweeper's; younger ones are in flight. Default 2 000. */
  sweepAfterMs?: number;
  /** Rows per sweep. Default 500. */
  batchSize?: number;
  logger?: { error(message: string, error: unknown): void };
}

/**
 * Sends outbox rows to BullMQ after the transaction that wrote them commits, and sweeps rows left
 * behind by a crash between commit and enqueue (DESIGN.md §4.2). Dispatching a row twice is
 * harmless: a job id is a timer id or an attempt of an invocation, and BullMQ ignores an id it
 * holds; removing is idempotent.
 *
 * On a virtual clock no delayed job is armed: timers fire when the clock is advanced. Service
 * attempts are queued on either clock: they are work, not time.
 */
export class OutboxDispatcher {
  private readonly sweepAfterMs: number;
  private readonly batchSize: number;

  constructor(private readonly options: OutboxDispatcherOptions) {
    this.sweepAfterMs = options.sweepAfterMs ?? 2_000;
    this.batchSize = options.batchSize ?? 500;
  }

  /**
   * Dispatches `rows`, just committed. A failure (Redis away) is logged, not thrown: the rows
   * stay undispatched and the sweeper retries them.
   */
  async dispatch(rows: readonly OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    try {
      await this.send(rows);
    } catch (error) {
      this.options.logger?.error(`Outbox rows ${rows.map((r) => r.id).join(', ')} not dispatched; the sweeper retries them`, error);
    }
  }

  /** Dispatches every undispatched row older than the sweep delay, oldest first; returns how many. */
  async sweep(): Promise<number> {
    const before = new Date(Date.now() - this.sweepAfterMs);
    let total = 0;
    for (;;) {
      const rows = await this.options.db
        .select()
        .from(outbox)
        .where(and(isNull(outbox.dispatchedAt), lt(outbox.createdAt, before)))
        .orderBy(asc(outbox.id))
        .limit(this.batchSize);
      await this.send(rows);
      total += rows.length;
      if (rows.length < this.batchSize) return total;
    }
  }

  /**
   * Sends the rows (schedules and attempts in bulk adds, then removals: a job is added before it
   * can be removed) and marks them dispatched. On a virtual clock no timer goes to Redis.
   */
  private async send(rows: readonly OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    const { clock, timers, services, db } = this.options;
    const messages = rows as unknown as readonly (OutboxMessage & { id: number })[];
    await services.enqueueMany(messages.flatMap((m) => (m.topic === 'service.invoke' ? [m.payload] : [])));
    if (!clock.virtual) {
      const schedules = messages.flatMap((m) => (m.topic === 'timer.schedule' ? [{ id: m.payload.timerId, dueAt: new Date(m.payload.dueAt) }] : []));
      await timers.scheduleMany(schedules, clock.now());
      for (const m of messages) if (m.topic === 'timer.unschedule') await timers.unschedule(m.payload.timerId);
    }
    for (const m of messages) if (m.topic === 'service.unqueue') await services.remove(m.payload.invocationId, m.payload.attempt);
    await db.update(outbox).set({ dispatchedAt: new Date() }).where(inArray(outbox.id, rows.map((r) => r.id)));
  }
}
