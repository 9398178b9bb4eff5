import type { Job, Worker } from 'bullmq';
import type { RuntimeLogger } from '../runtime-logger.ts';
import type { FireResult } from '../timers/fire-timer.ts';
import { createRedisConnection, redisReady, type RedisConnection } from './redis-connection.ts';
import { RedisLossWatch } from './redis-loss-watch.ts';
import { createServiceWorker } from './service.worker.ts';
import { createTimerWorker } from './timer.worker.ts';
import { createWebhookWorker } from './webhook.worker.ts';

/** Options of {@link WorkerHost.start}. */
export interface WorkerHostOptions {
  redisUrl: string;
  /** BullMQ key prefix of the queues. */
  prefix: string;
  logger: RuntimeLogger;
  /** What a timer job does: the runtime's `fireTimer`. */
  fire(timerId: string): Promise<FireResult>;
  /** What a service job does: the runtime's `runServiceAttempt`; answers what it did. */
  runAttempt(invocationId: string, attempt: number): Promise<string>;
  /** What a webhook job does: one attempt of a delivery (`last`: no retry follows); throws when it failed. */
  deliverWebhook(deliveryId: string, attempt: number, last: boolean): Promise<string>;
  /** Runs once before the workers start; returns what it did, for the start line. */
  prepare(): Promise<string>;
  /** Puts every job PostgreSQL holds back into Redis (timers, service attempts, outbox); returns what it did. */
  rearm(): Promise<string>;
  /** One pass of the sweeper: rows and jobs left behind. */
  sweep(): Promise<void>;
  /** Jobs processed at once per worker. Default 4. */
  concurrency?: number;
  /** Lock and stall-check period of the workers, ms. Default 30 000. */
  lockMs?: number;
  /** Period of the sweeper, ms. Default 5 000. */
  sweepIntervalMs?: number;
  /** How often Redis is checked for lost queues, ms. Default 1 000. */
  redisCheckIntervalMs?: number;
}

/** What {@link WorkerHost.stop} did. */
export interface WorkerStopReport {
  /** Ids of the jobs still running at the deadline, handed back to their queue for another worker. */
  handedBack: string[];
}

/**
 * The BullMQ side of a process: the timer, service and webhook workers on connections of their own
 * (`maxRetriesPerRequest: null`, pitfalls B18), the sweeper, and the watch that re-arms the queues
 * when Redis comes back empty ({@link RedisLossWatch}).
 *
 * Start: `prepare`, the workers, the marker set and every job re-armed, the sweeper.
 * Stop: the sweeper and the watch, then the workers finish their running jobs; a job still running
 * at the deadline is handed back (moved to `wait` under its lock, so another worker runs it at
 * once; running it twice acts once) and the connections are cut.
 */
export class WorkerHost {
  private readonly activeJobs = new Set<Job>();
  private sweeper: NodeJS.Timeout | undefined;
  private watch: RedisLossWatch | undefined;
  private readonly workers: Worker[] = [];
  private readonly connections: RedisConnection[] = [];
  private stopping: Promise<WorkerStopReport> | undefined;

  private constructor(private readonly options: WorkerHostOptions) {}

  /** Starts the workers; resolves once they fetch jobs and every job PostgreSQL holds is armed. */
  static async start(options: WorkerHostOptions): Promise<WorkerHost> {
    const host = new WorkerHost(options);
    try {
      await host.begin();
      return host;
    } catch (error) {
      await host.stop({ forceAfterMs: 0 });
      throw error;
    }
  }

  /** True while the three workers run and the host is not stopping. */
  get running(): boolean {
    return this.stopping === undefined && this.workers.length === 3 && this.workers.every((w) => w.isRunning());
  }

  /**
   * Stops the sweeper and the watch, then closes the workers, waiting up to `forceAfterMs`
   * (default 10 000) for their running jobs; after that the jobs still running are handed back.
   */
  stop(options: { forceAfterMs?: number } = {}): Promise<WorkerStopReport> {
    this.stopping ??= this.end(options.forceAfterMs ?? 10_000);
    return this.stopping;
  }

  private async begin(): Promise<void> {
    const { logger, redisUrl, prefix } = this.options;
    const prepared = await this.options.prepare();
    const lockMs = this.options.lockMs ?? 30_000;
    const common = { prefix, concurrency: this.options.concurrency ?? 4, lockDuration: lockMs, stalledInterval: lockMs, activeJobs: this.activeJobs };
    const timerWorker = createTimerWorker({ ...common, connection: this.connection('timer worker'), fire: (id) => this.options.fire(id) });
    timerWorker.on('error', (error) => logger.error('Timer worker error', error));
    timerWorker.on('failed', (job, error) => logger.error(`Timer job '${job?.id ?? '?'}' failed`, error));
    this.workers.push(timerWorker);
    const serviceWorker = createServiceWorker({
      ...common,
      connection: this.connection('service worker'),
      run: (invocationId, attempt) => this.options.runAttempt(invocationId, attempt),
    });
    serviceWorker.on('error', (error) => logger.error('Service worker error', error));
    serviceWorker.on('failed', (job, error) => logger.error(`Service job '${job?.id ?? '?'}' failed`, error));
    this.workers.push(serviceWorker);
    const webhookWorker = createWebhookWorker({
      ...common,
      connection: this.connection('webhook worker'),
      deliver: (deliveryId, attempt, last) => this.options.deliverWebhook(deliveryId, attempt, last),
    });
    webhookWorker.on('error', (error) => logger.error('Webhook worker error', error));
    this.workers.push(webhookWorker);
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));

    const watchConnection = createRedisConnection(redisUrl, 'producer');
    watchConnection.on('error', () => undefined);
    this.watch = new RedisLossWatch({
      connection: watchConnection,
      markerKey: `${prefix}:armed`,
      intervalMs: this.options.redisCheckIntervalMs ?? 1_000,
      rearm: () => this.options.rearm(),
      logger,
    });
    await redisReady(watchConnection);
    const rearmed = await this.watch.start();
    logger.info(`Workers started: ${rearmed}, ${prepared}`);

    const sweep = async () => {
      try {
        await this.options.sweep();
      } catch (error) {
        logger.error('Outbox sweep failed', error);
      }
    };
    this.sweeper = setInterval(() => void sweep(), this.options.sweepIntervalMs ?? 5_000);
    this.sweeper.unref();
  }

  private connection(use: string): RedisConnection {
    const connection = createRedisConnection(this.options.redisUrl, 'worker');
    connection.on('error', (error) => this.options.logger.error(`Redis (${use}) error`, error));
    this.connections.push(connection);
    return connection;
  }

  private async end(forceAfterMs: number): Promise<WorkerStopReport> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.watch?.stop();
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([
      Promise.all(this.workers.map((w) => w.close())).then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), forceAfterMs);
      }),
    ]);
    clearTimeout(timer);
    const handedBack: string[] = [];
    if (!closed) {
      // `close(true)` after `close()` only returns the first close's promise (bullmq worker.js),
      // which waits for the running jobs: hand them back instead, then cut the connections.
      for (const job of this.activeJobs) {
        if (job.token === undefined) continue;
        try {
          await job.moveToWait(job.token);
          handedBack.push(job.id ?? '?');
        } catch (error) {
          this.options.logger.error(`Job '${job.id ?? '?'}' could not be handed back; it runs again once its lock lapses`, error);
        }
      }
    }
    for (const connection of this.connections) connection.disconnect();
    return { handedBack };
  }
}
