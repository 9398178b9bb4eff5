import type { RedisConnection } from './redis-connection.ts';

/** Options of {@link RedisLossWatch}. */
export interface RedisLossWatchOptions {
  /** A fail-fast connection of the watch's own (`createRedisConnection(url, 'producer')`). */
  connection: RedisConnection;
  /** The marker key, e.g. `tongban:armed`; under the queue prefix, so it shares a Redis Cluster slot with the queues. */
  markerKey: string;
  /** How often the marker is looked for, milliseconds. */
  intervalMs: number;
  /** Puts every job PostgreSQL holds back into Redis; returns what it did, for the log. */
  rearm(): Promise<string>;
  logger: { info(message: string): void; error(message: string, error?: unknown): void };
}

/**
 * Notices that Redis came back empty (restarted without persistence, flushed) and re-arms the
 * queues within seconds, instead of waiting for the sweeper's minute-late pass.
 *
 * A marker key is set when the queues are armed. It is looked for every `intervalMs` and as soon
 * as the connection is ready again after a reconnect; when it is gone, so are the jobs written
 * with it. The process that sets it again (`SET NX`: one of the workers) re-arms; when the re-arm
 * fails, the marker is removed again so the next look retries. A Redis restored from an older
 * snapshot keeps a marker but may miss later jobs: those the sweeper re-arms.
 */
export class RedisLossWatch {
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private stopped = false;
  private readonly onReady = () => void this.check('reconnected');

  constructor(private readonly options: RedisLossWatchOptions) {}

  /** Sets the marker and re-arms every job (start-up), then watches. Returns what the re-arm did. */
  async start(): Promise<string> {
    const { connection, markerKey } = this.options;
    await connection.set(markerKey, this.markerValue());
    const rearmed = await this.options.rearm();
    connection.on('ready', this.onReady);
    this.timer = setInterval(() => void this.check('flushed'), this.options.intervalMs);
    this.timer.unref();
    return rearmed;
  }

  /** Stops watching and closes the connection. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.options.connection.off('ready', this.onReady);
    this.options.connection.disconnect();
  }

  /** Looks for the marker once; re-arms when it is gone and this process set it again. */
  check(cause: 'flushed' | 'reconnected'): Promise<void> {
    this.checking ??= this.lookOnce(cause).finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async lookOnce(cause: 'flushed' | 'reconnected'): Promise<void> {
    const { connection, markerKey, logger } = this.options;
    if (this.stopped || connection.status !== 'ready') return;
    try {
      if ((await connection.exists(markerKey)) === 1) return;
      if ((await connection.set(markerKey, this.markerValue(), 'NX')) !== 'OK') return;
    } catch {
      return;
    }
    const why = cause === 'reconnected' ? 'Redis came back without the queues' : 'Redis lost the queues';
    try {
      logger.info(`${why} (marker '${markerKey}' missing): ${await this.options.rearm()}`);
    } catch (error) {
      logger.error(`${why}; re-arming failed, retrying in ${this.options.intervalMs} ms`, error);
      await connection.del(markerKey).catch(() => undefined);
    }
  }

  private markerValue(): string {
    return JSON.stringify({ armedAt: new Date().toISOString(), pid: process.pid });
  }
}
