import { Worker, type Job } from 'bullmq';
import type { RedisConnection } from './redis-connection.ts';
import { WEBHOOK_QUEUE_NAME, type WebhookJobData } from './webhook-queue.ts';

/** Options of {@link createWebhookWorker}. */
export interface WebhookWorkerOptions {
  /** A worker connection (`maxRetriesPerRequest: null`, pitfalls B18). */
  connection: RedisConnection;
  prefix: string;
  /**
   * Makes one attempt of a delivery: `attempt` counts from 1, `last` is true when no retry follows.
   * Throws when the attempt failed, so BullMQ retries it with backoff.
   */
  deliver: (deliveryId: string, attempt: number, last: boolean) => Promise<string>;
  concurrency?: number;
  lockDuration?: number;
  stalledInterval?: number;
  activeJobs?: Set<Job>;
}

/** The BullMQ worker of the webhooks queue: each job is one delivery, each run one attempt of it. */
export function createWebhookWorker(options: WebhookWorkerOptions): Worker<WebhookJobData, string> {
  const processJob = async (job: Job<WebhookJobData, string>): Promise<string> => {
    options.activeJobs?.add(job);
    try {
      const attempt = job.attemptsMade + 1;
      return await options.deliver(job.data.deliveryId, attempt, attempt >= (job.opts.attempts ?? 1));
    } finally {
      options.activeJobs?.delete(job);
    }
  };
  return new Worker<WebhookJobData, string>(WEBHOOK_QUEUE_NAME, processJob, {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: options.concurrency ?? 4,
    lockDuration: options.lockDuration ?? 30_000,
    stalledInterval: options.stalledInterval ?? 30_000,
    maxStalledCount: 2,
  });
}
