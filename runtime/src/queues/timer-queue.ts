import type { Queue, QueueEvents } from 'bullmq';

/** Name of the BullMQ queue whose jobs fire timers. */
export const TIMER_QUEUE_NAME = 'timers';

/** Data of a timer job: the timer row to fire. The job id is the timer id. */
export interface TimerJobData {
  timerId: string;
}

/** Options every timer job carries: retried with backoff, removed when done so ids stay free. */
const JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: true,
  removeOnFail: true,
} as const;

/**
 * The producer side of the timer queue. A timer row (PostgreSQL) is the truth; the job is only its
 * trigger, keyed by the timer id, which is never reused (pitfalls B16), so adding a job for a timer
 * that already has one does nothing.
 */
export class TimerQueue {
  /** `events` is needed only by {@link TimerQueue.fireNow} (the virtual clock). */
  constructor(
    private readonly queue: Queue<TimerJobData>,
    private readonly events?: QueueEvents,
  ) {}

  /** Arms a delayed job that fires timer `timerId` at `dueAt` (or at once when it is past). */
  async schedule(timerId: string, dueAt: Date, now: Date): Promise<void> {
    const delay = Math.max(0, dueAt.getTime() - now.getTime());
    await this.queue.add('fire', { timerId }, { ...JOB_OPTIONS, jobId: timerId, delay });
  }

  /** Arms the delayed jobs of many timers at once (re-arming at start-up), in batches of 1 000. */
  async scheduleMany(timers: readonly { id: string; dueAt: Date }[], now: Date): Promise<void> {
    for (let i = 0; i < timers.length; i += 1_000) {
      await this.queue.addBulk(
        timers.slice(i, i + 1_000).map((t) => ({
          name: 'fire',
          data: { timerId: t.id },
          opts: { ...JOB_OPTIONS, jobId: t.id, delay: Math.max(0, t.dueAt.getTime() - now.getTime()) },
        })),
      );
    }
  }

  /** Removes the job of timer `timerId`, if Redis still holds it. */
  async unschedule(timerId: string): Promise<void> {
    await this.queue.remove(timerId);
  }

  /**
   * Enqueues an immediate job for each timer and waits until every one has been processed by the
   * timer workers (the same processor a delayed job reaches). `timeoutMs` bounds each wait.
   */
  async fireNow(timerIds: readonly string[], timeoutMs = 30_000): Promise<void> {
    const events = this.events;
    if (events === undefined) throw new Error('TimerQueue.fireNow needs the queue events: the runtime creates them on a virtual clock');
    const opts = { ...JOB_OPTIONS, attempts: 3, backoff: { type: 'fixed', delay: 100 }, removeOnComplete: false, removeOnFail: false };
    const jobs = await this.queue.addBulk(
      timerIds.map((timerId) => ({ name: 'fire', data: { timerId }, opts: { ...opts, jobId: timerId } })),
    );
    // Kept until every wait has settled (a removed job would read as failed), then removed so the id stays free.
    const settled = await Promise.allSettled(jobs.map((job) => job.waitUntilFinished(events, timeoutMs)));
    await Promise.all(jobs.map((job) => job.remove().catch(() => undefined)));
    const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) throw failure.reason;
  }
}
