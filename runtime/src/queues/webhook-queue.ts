import type { Queue } from 'bullmq';

/** Name of the BullMQ queue whose jobs deliver webhooks. */
export const WEBHOOK_QUEUE_NAME = 'webhooks';

/** Data of a webhook job: the delivery to make. The job id is the delivery id. */
export interface WebhookJobData {
  deliveryId: string;
}

/** Attempts of one delivery before it counts as failed, by default. */
export const DEFAULT_WEBHOOK_ATTEMPTS = 8;
/** Delay before the first retry of a delivery, ms, by default; each later one waits twice as long. */
export const DEFAULT_WEBHOOK_BACKOFF_MS = 10_000;

/** How deliveries are retried. */
export interface WebhookRetry {
  attempts: number;
  backoffMs: number;
}

/**
 * The producer side of the webhooks queue. A delivery row (PostgreSQL) is the truth; its job, keyed
 * by the delivery id, makes the attempts: BullMQ retries a failed attempt with exponential backoff.
 * Queueing a delivery that already has a job does nothing; a delivery already made is not made again
 * (the worker checks its row).
 */
export class WebhookQueue {
  constructor(
    private readonly queue: Queue<WebhookJobData>,
    private readonly retry: WebhookRetry,
  ) {}

  /** Queues the jobs of `deliveryIds` (one bulk add per 1 000). */
  async enqueueMany(deliveryIds: readonly string[]): Promise<void> {
    for (let i = 0; i < deliveryIds.length; i += 1_000) {
      await this.queue.addBulk(
        deliveryIds.slice(i, i + 1_000).map((deliveryId) => ({
          name: 'deliver',
          data: { deliveryId },
          opts: {
            jobId: deliveryId,
            attempts: this.retry.attempts,
            backoff: { type: 'exponential', delay: this.retry.backoffMs },
            removeOnComplete: true,
            removeOnFail: true,
          },
        })),
      );
    }
  }
}
