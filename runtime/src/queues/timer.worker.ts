import type { RedisConnection } from './redis-connection.ts';
import { DelayedError, Worker, type Job } from 'bullmq';
import type { FireResult } from '../timers/fire-timer.ts';
import { TIMER_QUEUE_NAME, type TimerJobData } from './timer-queue.ts';

/** Options of {@link createTimerWorker}. */
export interface TimerWorkerOptions {
  /** A worker connection (`maxRetriesPerRequest: null`, pitfalls B18). */
  connection: RedisConnection;
  prefix: string;
  /** The handler: `fireTimer` of the runtime. */
  fire: (timerId: string) => Promise<FireResult>;
  /** Jobs processed at once. Default 4. */
  concurrency?: number;
  /** How long a job's lock lasts before it counts as stalled, milliseconds. Default 30 000. */
  lockDuration?: number;
  /** How often stalled jobs are looked for, milliseconds. Default 30 000. */
  stalledInterval?: number;
  /** Holds the jobs being processed, so a shutdown can hand them back (`Job.token` is their lock). */
  activeJobs?: Set<Job>;
}

/**
 * The BullMQ worker of the timer queue. Each job fires its timer through `fire`; a job that runs
 * before its timer is due (a clock skew between hosts) is delayed again to the due instant.
 * A stalled job is retried twice before it fails (pitfalls B21); firing is idempotent.
 */
export function createTimerWorker(options: TimerWorkerOptions): Worker<TimerJobData, string> {
  return new Worker<TimerJobData, string>(
    TIMER_QUEUE_NAME,
    async (job, token) => {
      options.activeJobs?.add(job);
      try {
        const result = await options.fire(job.data.timerId);
        if (result.status === 'notDue' && token !== undefined) {
          await job.moveToDelayed(result.dueAt.getTime(), token);
          throw new DelayedError();
        }
        return result.status;
      } finally {
        options.activeJobs?.delete(job);
      }
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 4,
      lockDuration: options.lockDuration ?? 30_000,
      stalledInterval: options.stalledInterval ?? 30_000,
      maxStalledCount: 2,
    },
  );
}
