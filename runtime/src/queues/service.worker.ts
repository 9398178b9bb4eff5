import type { RedisConnection } from './redis-connection.ts';
import { Worker, type Job } from 'bullmq';
import { SERVICE_QUEUE_NAME, type ServiceJobData } from './service-queue.ts';

/** Options of {@link createServiceWorker}. */
export interface ServiceWorkerOptions {
  /** A worker connection (`maxRetriesPerRequest: null`, pitfalls B18). */
  connection: RedisConnection;
  prefix: string;
  /** The handler: the runtime's `runServiceAttempt`; answers what it did. */
  run: (invocationId: string, attempt: number) => Promise<string>;
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
 * The BullMQ worker of the services queue: each job runs one attempt of one invocation. A stalled
 * job (its worker died) runs again, at most twice (pitfalls B21); the attempt's outcome is recorded
 * once, since recording checks the invocation still waits for that attempt.
 */
export function createServiceWorker(options: ServiceWorkerOptions): Worker<ServiceJobData, string> {
  const processJob = async (job: Job<ServiceJobData, string>): Promise<string> => {
    options.activeJobs?.add(job);
    try {
      return await options.run(job.data.invocationId, job.data.attempt);
    } finally {
      options.activeJobs?.delete(job);
    }
  };
  return new Worker<ServiceJobData, string>(SERVICE_QUEUE_NAME, processJob, {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: options.concurrency ?? 4,
    lockDuration: options.lockDuration ?? 30_000,
    stalledInterval: options.stalledInterval ?? 30_000,
    maxStalledCount: 2,
  });
}
