import type { Worker } from 'bullmq';
import { createTrackedWorker, type WorkerSettings } from './tracked-worker.ts';
import { WEBHOOK_QUEUE_NAME, type WebhookJobData } from './webhook-queue.ts';

/** Options of {@link createWebhookWorker}. */
export interface WebhookWorkerOptions extends WorkerSettings {
  /**
   * Makes one attempt of a delivery: `attempt` counts from 1, `last` is true when no retry follows.
   * Throws when the attempt failed, so BullMQ retries it with backoff.
   */
  deliver: (deliveryId: string, attempt: number, last: boolean) => Promise<string>;
}

/** The BullMQ worker of the webhooks queue: each job is one delivery, each run one attempt of it. */
export function createWebhookWorker(options: WebhookWorkerOptions): Worker<WebhookJobData, string> {
  return createTrackedWorker<WebhookJobData, string>(WEBHOOK_QUEUE_NAME, options, (job) => {
    const attempt = job.attemptsMade + 1;
    return options.deliver(job.data.deliveryId, attempt, attempt >= (job.opts.attempts ?? 1));
  });
}
