import { and, asc, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { outbox, type OutboxRow } from '../db/schema/index.ts';
import type { Clock } from '../clock/index.ts';
import type { ServiceQueue } from '../queues/service-queue.ts';
import type { TimerQueue } from '../queues/timer-queue.ts';
import type { WebhookQueue } from '../queues/webhook-queue.ts';
import type { OutboxMessage } from './outbox-message.ts';

/** Options of the {@link OutboxDispatcher}. */
export interface OutboxDispatcherOptions {
  db: Db;
  clock: Clock;
  timers: TimerQueue;
  services: ServiceQueue;
  webhooks: WebhookQueue;
  /** Rows older than this (wall-clock milliseconds) are the sweeper's; younger ones are in flight. Default 2 000. */
  sweepAfterMs?: number;
  /** Rows per sweep. Default 500. */
  batchSize?: number;
  logger?: { error(message: string, error: unknown): void };
}

/**
 * Sends outbox rows to BullMQ after the transaction that wrote them commits, and sweeps rows left
 * behind by a crash between commit and enqueue (DESIGN.md §4.2). Dispatching a row twice is
 * harmless: a job id is a timer id, an attempt of an invocation or a webhook delivery, and BullMQ ignores an id it
 * holds; removing is idempotent.
 *
 * On a virtual clock no delayed job is armed: timers fire when the clock is advanced. Service
 * attempts are queued on either clock: they are work, not time.
 */
export class OutboxDispatcher {
  private readonly sweepAfterMs: number;
  private readonly batchSize: number;
  /** Ids sent and waiting for the next mark statement. */
  private unmarked: number[] = [];
  /** The mark statement that will take the ids now waiting (it starts when the one before it ends). */
  private queuedMark: Promise<void> | undefined;
  private previousMark: Promise<unknown> = Promise.resolve();

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
   * Sends the rows (schedules and attempts in bulk adds, then the removals at once: a job is added
   * before it can be removed) and marks them dispatched. On a virtual clock no timer goes to Redis.
   */
  private async send(rows: readonly OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    const { clock, timers, services, webhooks } = this.options;
    const messages = rows as unknown as readonly (OutboxMessage & { id: number })[];
    await services.enqueueMany(messages.flatMap((m) => (m.topic === 'service.invoke' ? [m.payload] : [])));
    await webhooks.enqueueMany(messages.flatMap((m) => (m.topic === 'webhook.deliver' ? [m.payload.deliveryId] : [])));
    if (!clock.virtual) {
      const schedules = messages.flatMap((m) => (m.topic === 'timer.schedule' ? [{ id: m.payload.timerId, dueAt: new Date(m.payload.dueAt) }] : []));
      await timers.scheduleMany(schedules, clock.now());
    }
    await Promise.all([
      ...(clock.virtual ? [] : messages.flatMap((m) => (m.topic === 'timer.unschedule' ? [timers.unschedule(m.payload.timerId)] : []))),
      ...messages.flatMap((m) => (m.topic === 'service.unqueue' ? [services.remove(m.payload.invocationId, m.payload.attempt)] : [])),
    ]);
    await this.mark(rows.map((r) => r.id));
  }

  /**
   * Marks rows dispatched. The ids of dispatches that finish while a mark statement runs are
   * marked together by the next one, so concurrent completions share one statement. The mark
   * commits without waiting for its WAL flush (`synchronous_commit = off`): a mark lost in a crash
   * only has the sweeper send its rows again, which is harmless.
   */
  private mark(ids: readonly number[]): Promise<void> {
    this.unmarked.push(...ids);
    if (this.queuedMark === undefined) {
      this.queuedMark = this.previousMark.then(() => this.writeMarks());
      this.previousMark = this.queuedMark.catch(() => undefined);
    }
    return this.queuedMark;
  }

  private async writeMarks(): Promise<void> {
    this.queuedMark = undefined;
    const ids = this.unmarked;
    this.unmarked = [];
    // One statement, its own transaction: the CTE turns synchronous_commit off until that
    // transaction ends, which is after its commit record is written (not flushed).
    await this.options.db.execute(sql`
      with async_commit as (select set_config('synchronous_commit', 'off', true))
      update ${outbox} set dispatched_at = now() from async_commit where ${inArray(outbox.id, ids)}`);
  }
}
