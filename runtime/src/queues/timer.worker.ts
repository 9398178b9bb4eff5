import { DelayedError, type Worker } from 'bullmq';
import type { FireResult } from '../timers/fire-timer.ts';
import { TIMER_QUEUE_NAME, type TimerJobData } from './timer-queue.ts';
import { createTrackedWorker, type WorkerSettings } from './tracked-worker.ts';

/** Options of {@link createTimerWorker}. */
export interface TimerWorkerOptions extends WorkerSettings {
  /** The handler: `fireTimer` of the runtime. */
  fire: (timerId: string) => Promise<FireResult>;
}

/**
 * The BullMQ worker of the timer queue. Each job fires its timer through `fire`; a job that runs
 * before its timer is due (a clock skew between hosts) is delayed again to the due instant.
 * Firing is idempotent, so a stalled job run again does nothing twice.
 */
export function createTimerWorker(options: TimerWorkerOptions): Worker<TimerJobData, string> {
  return createTrackedWorker<TimerJobData, string>(TIMER_QUEUE_NAME, options, async (job, token) => {
    const result = await options.fire(job.data.timerId);
    if (result.status === 'notDue' && token !== undefined) {
      await job.moveToDelayed(result.dueAt.getTime(), token);
      throw new DelayedError();
    }
    return result.status;
  });
}
