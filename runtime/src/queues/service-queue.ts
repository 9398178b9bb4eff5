import type { Queue } from 'bullmq';

/** Name of the BullMQ queue whose jobs run service attempts. */
export const SERVICE_QUEUE_NAME = 'services';

/** Data of a service job: one attempt of one invocation. The job id is `<invocationId>.a<attempt>`. */
export interface ServiceJobData {
  invocationId: string;
  attempt: number;
}

/**
 * Options of every service job. A job fails only when the runtime cannot record the attempt's
 * outcome (PostgreSQL away): it is then retried with backoff; a handler's own failures are recorded
 * and retried per the node's `retry`, never by BullMQ. Removed when done so ids stay free.
 */
const JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: true,
  removeOnFail: true,
} as const;

/** The id of the job of attempt `attempt` of invocation `invocationId`: never reused (pitfalls B16). */
export function serviceJobId(invocationId: string, attempt: number): string {
  return `${invocationId}.a${attempt}`;
}

/**
 * The producer side of the services queue. An invocation row (PostgreSQL) is the truth; a job is
 * only the trigger of one attempt, so queueing an attempt that already has a job does nothing.
 */
export class ServiceQueue {
  constructor(private readonly queue: Queue<ServiceJobData>) {}

  /** Queues the jobs of `attempts` (one bulk add per 1 000). */
  async enqueueMany(attempts: readonly ServiceJobData[]): Promise<void> {
    for (let i = 0; i < attempts.length; i += 1_000) {
      await this.queue.addBulk(
        attempts.slice(i, i + 1_000).map((a) => ({
          name: 'attempt',
          data: { invocationId: a.invocationId, attempt: a.attempt },
          opts: { ...JOB_OPTIONS, jobId: serviceJobId(a.invocationId, a.attempt) },
        })),
      );
    }
  }

  /** Removes the job of an attempt, if Redis holds it and no worker runs it. */
  async remove(invocationId: string, attempt: number): Promise<void> {
    await this.queue.remove(serviceJobId(invocationId, attempt));
  }
}
