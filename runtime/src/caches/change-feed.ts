import type postgres from 'postgres';
import type { RuntimeLogger } from '../runtime-logger.ts';

/** The PostgreSQL channel the database announces changes to cached tables on (migration 0013). */
export const CHANGES_CHANNEL = 'tongban_changes';

/** What a process caches, as the database names it in a change notification. */
export const changeTopics = ['organisation', 'calendars', 'definitions'] as const;
export type ChangeTopic = (typeof changeTopics)[number];

/** Options of {@link ChangeFeed.start}. */
export interface ChangeFeedOptions {
  /** The database; the feed listens on a connection of its own, outside the pool. */
  sql: postgres.Sql;
  /** A change to `topic` was committed (by any process, this one included). */
  onChange: (topic: ChangeTopic) => void;
  /**
   * The feed listens: on the first connect and after every reconnect. Notifications sent while it
   * was away are lost (PostgreSQL keeps none for a listener that is gone), so drop everything cached.
   */
  onListen: () => void;
  logger: RuntimeLogger;
  /** Delay between attempts while the first `LISTEN` fails, ms. Default 1 000. */
  retryMs?: number;
}

/**
 * Hears the changes other processes make to what this process caches: a `LISTEN` on
 * {@link CHANGES_CHANNEL} on a dedicated connection (postgres.js `sql.listen`), which the
 * database's triggers notify with the topic of the table changed, at commit. postgres.js
 * re-listens after the connection drops and calls `onListen` again, where the caches are dropped
 * whole, so a notification lost while disconnected costs nothing (porsager/postgres#391). A
 * payload that names no known topic counts as a change to every topic.
 */
export class ChangeFeed {
  private attempt = 0;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;

  private constructor(private readonly options: ChangeFeedOptions) {}

  /** Starts listening; the first `LISTEN` is retried in the background until it succeeds. */
  static start(options: ChangeFeedOptions): ChangeFeed {
    const feed = new ChangeFeed(options);
    feed.listen();
    return feed;
  }

  /** Stops listening. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.attempt += 1;
    await this.unlisten?.().catch(() => undefined);
  }

  private listen(): void {
    const attempt = ++this.attempt;
    const current = () => attempt === this.attempt && !this.stopped;
    const { sql, onChange, onListen, logger } = this.options;
    sql
      .listen(
        CHANGES_CHANNEL,
        (payload) => {
          if (!current()) return;
          const topic = changeTopics.find((t) => t === payload);
          for (const changed of topic === undefined ? changeTopics : [topic]) onChange(changed);
        },
        () => {
          if (current()) onListen();
        },
      )
      .then(
        ({ unlisten }) => {
          this.unlisten = unlisten;
          if (this.stopped) void unlisten().catch(() => undefined);
        },
        (error: unknown) => {
          if (!current()) return;
          logger.error(`Listening for changes on ${CHANGES_CHANNEL} failed; trying again`, error);
          this.retry = setTimeout(() => this.listen(), this.options.retryMs ?? 1_000);
        },
      );
  }
}
