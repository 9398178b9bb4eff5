import type { Worker } from 'bullmq';
import { SERVICE_QUEUE_NAME, type ServiceJobData } from './service-queue.ts';
import { createTrackedWorker, type WorkerSettings } from './tracked-worker.ts';

/** Options of {@link createServiceWorker}. */
export interface ServiceWorkerOptions extends WorkerSettings {
  /** The handler: the runtime's `runServiceAttempt`; answers what it did. */
  run: (invocationId: string, attempt: number) => Promise<string>;
}

/**
 * The BullMQ worker of the services queue: each job runs one attempt of one invocation. The
 * attempt's outcome is recorded once, since recording checks the invocation still waits for that
 * attempt (a stalled job runs again).
 */
export function createServiceWorker(options: ServiceWorkerOptions): Worker<ServiceJobData, string> {
  return createTrackedWorker<ServiceJobData, string>(SERVICE_QUEUE_NAME, options, (job) => options.run(job.data.invocationId, job.data.attempt));
}
