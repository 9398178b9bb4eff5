import postgres from 'postgres';
import type { TongbanConfig } from './config.ts';
import { startEmbeddedPostgres } from './postgres.ts';
import { startLocalRedis } from './redis.ts';

/** The name of Tongban's database on an embedded cluster. */
export const embeddedDatabaseName = 'tongban';

/** PostgreSQL and (when asked) Redis, started here or given by the environment. */
export interface LocalServices {
  databaseUrl: string;
  /** Set when `redis` was asked for. */
  redisUrl?: string;
  /** Whether PostgreSQL / Redis were started by this process. */
  embedded: { postgres: boolean; redis: boolean };
  /** Stops what this process started, Redis first. */
  stop(): Promise<void>;
}

/**
 * Uses `DATABASE_URL` / `REDIS_URL` when set; otherwise starts an embedded PostgreSQL (data in
 * `config.postgresDataDir`, database `tongban` created when missing) and, when `redis` is true, a
 * `redis-server`. Anything started is stopped again when a later step fails.
 */
export async function startLocalServices(
  config: TongbanConfig,
  options: { redis: true; notice?: (line: string) => void },
): Promise<LocalServices & { redisUrl: string }>;
export async function startLocalServices(
  config: TongbanConfig,
  options: { redis: false; notice?: (line: string) => void },
): Promise<LocalServices>;
export async function startLocalServices(
  config: TongbanConfig,
  options: { redis: boolean; notice?: (line: string) => void },
): Promise<LocalServices> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step();
  };
  try {
    let databaseUrl = config.databaseUrl;
    if (databaseUrl === undefined) {
      const server = await startEmbeddedPostgres({
        dataDir: config.postgresDataDir,
        ...(options.notice === undefined ? {} : { notice: options.notice }),
      });
      stops.push(() => server.stop());
      await createDatabaseIfMissing(server.url(), embeddedDatabaseName);
      databaseUrl = server.url(embeddedDatabaseName);
    }
    let redisUrl = config.redisUrl;
    if (options.redis && redisUrl === undefined) {
      const redis = await startLocalRedis();
      stops.push(() => redis.stop());
      redisUrl = redis.url;
    }
    return {
      databaseUrl,
      ...(redisUrl === undefined || !options.redis ? {} : { redisUrl }),
      embedded: { postgres: config.databaseUrl === undefined, redis: options.redis && config.redisUrl === undefined },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    const existing = await sql`select 1 from pg_database where datname = ${name}`;
    if (existing.length === 0) await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end();
  }
}
