import { Worker, type Job } from 'bullmq';
import type { RedisConnection } from './redis-connection.ts';

/** What every worker of a Tongban queue takes besides its handler. */
export interface WorkerSettings {
  /** A worker connection (`maxRetriesPerRequest: null`, pitfalls B18). */
  connection: RedisConnection;
  prefix: string;
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
 * A BullMQ worker of queue `name` that runs `processJob`, holding each job in `activeJobs` while it
 * runs. A stalled job (its worker died) runs again, at most twice (pitfalls B21).
 */
export function createTrackedWorker<Data, Result>(
  name: string,
  settings: WorkerSettings,
  processJob: (job: Job<Data, Result>, token: string | undefined) => Promise<Result>,
): Worker<Data, Result> {
  return new Worker<Data, Result>(
    name,
    async (job, token) => {
      settings.activeJobs?.add(job);
      try {
        return await processJob(job, token);
      } finally {
        settings.activeJobs?.delete(job);
      }
    },
    {
      connection: settings.connection,
      prefix: settings.prefix,
      concurrency: settings.concurrency ?? 4,
      lockDuration: settings.lockDuration ?? 30_000,
      stalledInterval: settings.stalledInterval ?? 30_000,
      maxStalledCount: 2,
    },
  );
}
